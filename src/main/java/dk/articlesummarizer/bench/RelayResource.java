package dk.articlesummarizer.bench;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.common.annotation.Blocking;

/**
 * The benchmark's floor for a miss: the thread hops and HTTP stacks a miss crosses (event loop, worker thread, a
 * Quarkus REST client call to the provider, back to the event loop) with none of the work: the caller's body,
 * already a chat completions request, goes to the provider as it is, and the provider's answer comes back as it
 * is. It sends no API key, so a real provider would refuse it; like {@link FloorResource} it exists only when
 * {@code SUMMARIZER_BENCH_FLOOR=true}.
 */
@Path("/bench/relay")
public class RelayResource {

    private final boolean enabled;
    private final RelayProviderClient provider;

    public RelayResource(BenchConfig config, @RestClient RelayProviderClient provider) {
        this.enabled = config.floor();
        this.provider = provider;
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public String relay(String chatRequest) {
        if (!enabled) {
            throw new NotFoundException();
        }
        return provider.complete(chatRequest);
    }
}
