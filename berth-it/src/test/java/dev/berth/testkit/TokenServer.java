package dev.berth.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small bearer-token server for the registry's token auth (distribution's token spec):
 * {@code GET /token?service=&scope=repository:<name>:<actions>} answers a JWT (RS256, the
 * signing certificate in {@code x5c}) that grants the scope asked for to {@code user} with
 * the right password (Basic), and nothing to anyone else, as Docker Hub does. The key and
 * certificate come from openssl, made afresh.
 */
public final class TokenServer implements AutoCloseable {

    public static final String SERVICE = "berth-test-registry";
    public static final String ISSUER = "berth-test-token-server";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final PrivateKey key;
    private final String certificatePem;
    private final String certificateDer;
    private final String user;
    private final String password;
    private final AtomicInteger issued = new AtomicInteger();

    private TokenServer(Path dir, String user, String password) throws Exception {
        Commands.run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", "/CN=" + ISSUER, "-keyout", dir.resolve("key.pem").toString(),
                "-out", dir.resolve("cert.pem").toString()), Map.of(), null, 60).assertSuccess();
        this.key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pem(dir.resolve("key.pem"))));
        this.certificatePem = Files.readString(dir.resolve("cert.pem"));
        this.certificateDer = Base64.getEncoder().encodeToString(CertificateFactory.getInstance("X.509")
                .generateCertificate(Files.newInputStream(dir.resolve("cert.pem"))).getEncoded());
        this.user = user;
        this.password = password;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/token", this::token);
        server.start();
    }

    /** Starts a token server that knows {@code user}/{@code password}. */
    public static TokenServer start(String user, String password) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory(Path.of("/tmp"), "berth-token-");
            return new TokenServer(dir, user, password);
        } catch (Exception e) {
            throw new IllegalStateException("token server: " + e, e);
        } finally {
            if (dir != null) { // the key is in memory now
                for (String f : List.of("key.pem", "cert.pem")) {
                    dir.resolve(f).toFile().delete();
                }
                dir.toFile().delete();
            }
        }
    }

    public String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    public String certificatePem() {
        return certificatePem;
    }

    /** How many tokens were handed out. */
    public int issued() {
        return issued.get();
    }

    private void token(HttpExchange ex) throws IOException {
        try (ex) {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
            if (auth != null && !auth.equals(expected)) {
                ex.sendResponseHeaders(401, -1); // wrong credentials: refused, as a real token server does
                return;
            }
            ArrayNode access = JSON.createArrayNode();
            String query = ex.getRequestURI().getRawQuery();
            for (String pair : query == null ? new String[0] : query.split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv[0].equals("scope") && auth != null) {
                    String[] scope = URLDecoder.decode(kv[1], StandardCharsets.UTF_8).split(":");
                    ObjectNode a = access.addObject().put("type", scope[0]).put("name", scope[1]);
                    for (String action : scope[2].split(",")) {
                        a.withArray("actions").add(action);
                    }
                }
            }
            byte[] body = JSON.createObjectNode().put("token", jwt(auth == null ? "" : user, access)).toString()
                    .getBytes(StandardCharsets.UTF_8);
            issued.incrementAndGet();
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private String jwt(String subject, ArrayNode access) throws Exception {
        ObjectNode header = JSON.createObjectNode().put("typ", "JWT").put("alg", "RS256");
        header.putArray("x5c").add(certificateDer);
        long now = Instant.now().getEpochSecond();
        ObjectNode claims = JSON.createObjectNode().put("iss", ISSUER).put("sub", subject).put("aud", SERVICE)
                .put("exp", now + 300).put("nbf", now - 10).put("iat", now).put("jti", "t" + issued.get());
        claims.set("access", access);
        String signed = b64(JSON.writeValueAsBytes(header)) + "." + b64(JSON.writeValueAsBytes(claims));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
        return signed + "." + b64(rsa.sign());
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] pem(Path file) {
        try {
            String text = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return Base64.getDecoder().decode(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
