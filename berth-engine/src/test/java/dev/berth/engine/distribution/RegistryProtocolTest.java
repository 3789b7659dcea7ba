package dev.berth.engine.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.digest.Digest;
import dev.berth.engine.error.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RegistryProtocolTest {

    @Test
    void bearerChallenge_givesRealmServiceAndScope() {
        AuthChallenge c = AuthChallenge.parse("Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
                + "scope=\"repository:library/busybox:pull\"");
        assertThat(c.scheme()).isEqualTo("bearer");
        assertThat(c.params()).containsExactlyInAnyOrderEntriesOf(Map.of("realm", "https://auth.docker.io/token",
                "service", "registry.docker.io", "scope", "repository:library/busybox:pull"));
    }

    @Test
    void basicChallenge_isRecognised() {
        AuthChallenge c = AuthChallenge.parse("Basic realm=\"basic-realm\"");
        assertThat(c.scheme()).isEqualTo("basic");
        assertThat(c.param("realm")).isEqualTo("basic-realm");
        assertThat(AuthChallenge.parse(null)).isNull();
    }

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1:5000, true", "localhost:5000, true", "localhost, true", "[::1]:5000, true",
            "registry.example.com, false", "10.0.0.1:5000, false", "insecure.example:5000, true"})
    void plainHttp_onlyForLoopbackAndInsecureRegistries(String domain, boolean insecure) {
        RegistryConfig config = new RegistryConfig(List.of("insecure.example:5000"), List.of(), 3, 3);
        assertThat(config.isInsecure(domain)).isEqualTo(insecure);
        assertThat(config.endpoints(domain, true).getFirst().getScheme()).isEqualTo(insecure ? "http" : "https");
    }

    @Test
    void dockerHub_usesRegistry1AfterMirrors() {
        RegistryConfig config = new RegistryConfig(List.of(), List.of("https://mirror.example/"), 3, 3);
        assertThat(config.endpoints("docker.io", true)).extracting(Object::toString)
                .containsExactly("https://mirror.example", "https://registry-1.docker.io");
        assertThat(config.endpoints("docker.io", false)).extracting(Object::toString)
                .containsExactly("https://registry-1.docker.io");
    }

    @ParameterizedTest
    @CsvSource({
            "https://index.docker.io/v1/, docker.io", "registry-1.docker.io, docker.io", "'', docker.io",
            "http://127.0.0.1:5000, 127.0.0.1:5000", "localhost:5000/v2/, localhost:5000"})
    void serverAddress_namesARegistry(String address, String domain) {
        assertThat(RegistryConfig.domainOf(address)).isEqualTo(domain);
    }

    @Test
    void registryAuthHeader_isBase64UrlJsonWithOrWithoutPadding() {
        String json = "{\"username\":\"u?>\",\"password\":\"p~~\",\"serveraddress\":\"localhost:5000\"}";
        String padded = Base64.getUrlEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        for (String header : List.of(padded, padded.replace("=", ""))) {
            AuthConfig a = AuthConfig.fromHeader(header);
            assertThat(a.username()).isEqualTo("u?>");
            assertThat(a.password()).isEqualTo("p~~");
            assertThat(a.hasCredentials()).isTrue();
        }
        assertThat(AuthConfig.fromHeader("").hasCredentials()).isFalse();
        assertThat(AuthConfig.fromHeader("e30").hasCredentials()).isFalse(); // "{}"
    }

    private static Descriptor entry(String os, String arch, String variant, Map<String, String> annotations) {
        return new Descriptor(MediaTypes.OCI_MANIFEST, 1, Digest.sha256(os + arch + variant).toString(), null,
                annotations, new Descriptor.PlatformSpec(arch, os, variant));
    }

    @Test
    void platformSelection_skipsAttestationsAndOtherArchitectures() {
        Descriptor arm = entry("linux", "arm64", "v8", null);
        Descriptor amd = entry("linux", "amd64", null, null);
        Descriptor attestation = entry("unknown", "unknown", null,
                Map.of("vnd.docker.reference.type", "attestation-manifest"));
        List<Descriptor> index = List.of(attestation, arm, amd);
        assertThat(new PlatformSelector("linux", "amd64", null).select(index)).isEqualTo(amd);
        assertThat(PlatformSelector.parse("linux/arm64").select(index)).isEqualTo(arm);
        assertThatThrownBy(() -> PlatformSelector.parse("linux/s390x").select(index))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("no matching manifest for linux/s390x in the manifest list entries");
    }

    @Test
    void manifestBytes_areDeterministicAndReadBack() {
        Manifests.Manifest m = new Manifests.Manifest(2, MediaTypes.DOCKER_MANIFEST,
                Descriptor.of(MediaTypes.DOCKER_CONFIG, 10, Digest.sha256("c")),
                List.of(Descriptor.of(MediaTypes.DOCKER_LAYER_GZIP, 20, Digest.sha256("l"))));
        byte[] once = Manifests.write(m);
        assertThat(Manifests.write(m)).isEqualTo(once);
        String text = new String(once, StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\n   \"schemaVersion\": 2,\n   \"mediaType\": \"" + MediaTypes.DOCKER_MANIFEST);
        assertThat(Manifests.parseManifest(once)).isEqualTo(m);
    }
}
