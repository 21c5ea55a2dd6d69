package dk.articlesummarizer.bench;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The provider's chat completions as raw JSON text, for {@link RelayResource}: nothing is parsed on the way. */
@RegisterRestClient(configKey = "bench-relay")
public interface RelayProviderClient {

    @POST
    @Path("/chat/completions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    String complete(String chatRequest);
}
