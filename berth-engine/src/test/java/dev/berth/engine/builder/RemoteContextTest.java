package dev.berth.engine.builder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.error.InvalidArgumentException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RemoteContextTest {

    /** URL -> kind, repository, ref, subdirectory (what dockerd's remotecontext makes of it). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "git://127.0.0.1:9418/repo.git#dev:app/web | git | git://127.0.0.1:9418/repo.git | dev | app/web",
            "git://host/repo                           | git | git://host/repo               | master | ''",
            "git://host/repo.git#:sub                  | git | git://host/repo.git           | master | sub",
            "git://host/repo.git#v1.0                  | git | git://host/repo.git           | v1.0 | ''",
            "https://host/org/repo.git                 | git | https://host/org/repo.git     | master | ''",
            "https://host/org/repo.git#main:docker     | git | https://host/org/repo.git     | main | docker",
            "http://host/repo.git#0123abcd             | git | http://host/repo.git          | 0123abcd | ''",
            "git@github.com:org/repo.git#main:sub      | git | git@github.com:org/repo.git   | main | sub",
            "git@host:repo                             | git | git@host:repo                 | master | ''",
            "github.com/org/repo#dev                   | git | https://github.com/org/repo   | dev | ''",
            "github.com/org/repo.git#:a/b              | git | https://github.com/org/repo.git | master | a/b",
            "https://host/context.tar.gz               | download | https://host/context.tar.gz | '' | ''",
            "https://host/repo.git/Dockerfile          | download | https://host/repo.git/Dockerfile | '' | ''",
            "http://127.0.0.1:8080/Dockerfile          | download | http://127.0.0.1:8080/Dockerfile | '' | ''",
    })
    void classify_tellsGitFromDownloads_andSplitsTheFragment(String url, String kind, String repository, String ref,
            String subdirectory) {
        RemoteContext.Source source = RemoteContext.classify(url);
        switch (source) {
            case RemoteContext.Git git -> {
                assertThat(kind).isEqualTo("git");
                assertThat(git).isEqualTo(new RemoteContext.Git(repository, ref, subdirectory));
            }
            case RemoteContext.Download download -> {
                assertThat(kind).isEqualTo("download");
                assertThat(download.url()).hasToString(repository);
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ftp://host/context.tar   | remoteURL (ftp://host/context.tar) could not be recognized as URL",
            "./dir                    | remoteURL (./dir) could not be recognized as URL",
            "client-session           | experimental session with v1 builder is no longer supported",
            "git://host/repo#--upload-pack=x | invalid refspec: --upload-pack=x",
    })
    void classify_refusesWhatIsNoRemoteContext(String url, String message) {
        assertThatThrownBy(() -> RemoteContext.classify(url)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining(message);
    }

    /** Content-Type header, body -> the accepted type ("" when refused). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                         | FROM busybox\\nRUN true\\n | text/plain",
            "text/plain; charset=utf-8  | FROM busybox              | text/plain",
            "application/octet-stream   | FROM busybox              | text/plain",
            "application/x-tar          | FROM busybox              | application/x-tar",
            "application/gzip           | anything                  | application/gzip",
            "application/x-xz           | anything                  | application/x-xz",
            "text/html                  | <html></html>             | ''",
            "application/json           | {}                        | ''",
    })
    void contentType_takesTheServersWord_orSniffs(String header, String body, String expected) {
        String type = RemoteContext.contentType(header, body.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(type == null ? "" : type).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "application/octet-stream"})
    void contentType_sniffsArchivesByTheirBytes(String header) throws IOException {
        byte[] tar = new byte[1024];
        System.arraycopy("file.txt".getBytes(StandardCharsets.US_ASCII), 0, tar, 0, 8);
        System.arraycopy("ustar".getBytes(StandardCharsets.US_ASCII), 0, tar, 257, 5);
        assertThat(RemoteContext.contentType(header, tar)).isEqualTo("application/octet-stream");
        var gz = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(gz)) {
            out.write("FROM busybox\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(RemoteContext.contentType(header, gz.toByteArray())).isEqualTo("application/octet-stream");
    }
}
