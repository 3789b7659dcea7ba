package dev.berth.daemon.router.images;

import dev.berth.api.types.image.HistoryItem;
import dev.berth.api.types.image.ImageDeleteItem;
import dev.berth.api.types.image.ImageInspect;
import dev.berth.api.types.image.ImageSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/** What the image routes need from the engine, in the API's own terms. */
public interface ImagesBackend {

    List<ImageSummary> list(boolean all, Map<String, List<String>> filters);

    /** @throws dev.berth.engine.error.NotFoundException "No such image: x" */
    ImageInspect inspect(String name);

    List<ImageDeleteItem> remove(String name, boolean force, boolean noPrune);

    void tag(String source, String repo, String tag);

    List<HistoryItem> history(String name);

    /** Imports a root filesystem tar as a one-layer image; returns its ID. */
    String importRootfs(InputStream tar, String repo, String tag, String message, List<String> changes)
            throws IOException;

    /** Writes the named images as one docker-archive tar. */
    void save(List<String> names, OutputStream out) throws IOException;

    /** Loads a docker-archive or OCI layout tar; returns the lines dockerd prints ("Loaded image: x"). */
    List<String> load(InputStream tar) throws IOException;

    /** Builds {@code <name>:latest} from the host (only "busybox" today); returns its ID. */
    String bootstrap(String name) throws IOException;
}
