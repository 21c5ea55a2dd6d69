package dk.articlesummarizer.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.common.annotation.NonBlocking;

/**
 * The benchmark's floor: the cheapest answer this build can give, a precomputed JSON body of a requested size,
 * through the same HTTP stack and filters as /summarize. It exists only when {@code SUMMARIZER_BENCH_FLOOR=true}
 * (bench/run.sh sets it); otherwise it answers 404 like any unknown path.
 */
@Path("/bench/floor")
public class FloorResource {

    private static final int MAX_BYTES = 1 << 20;

    private final boolean enabled;
    private final Map<Integer, byte[]> bodies = new ConcurrentHashMap<>();

    public FloorResource(BenchConfig config) {
        this.enabled = config.floor();
    }

    @POST
    @NonBlocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public byte[] floor(@QueryParam("bytes") int bytes) {
        if (!enabled || bytes < 16 || bytes > MAX_BYTES) {
            throw new NotFoundException();
        }
        return bodies.computeIfAbsent(bytes, FloorResource::body);
    }

    private static byte[] body(int bytes) {
        byte[] body = new byte[bytes];
        Arrays.fill(body, (byte) 'x');
        byte[] open = "{\"t\":\"".getBytes();
        System.arraycopy(open, 0, body, 0, open.length);
        body[bytes - 2] = '"';
        body[bytes - 1] = '}';
        return body;
    }
}
