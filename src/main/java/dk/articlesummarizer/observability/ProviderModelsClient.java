package dk.articlesummarizer.observability;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The provider's model list: the cheapest call that proves it is up and accepts our key. */
@RegisterRestClient(configKey = "llm-provider-health")
public interface ProviderModelsClient {

    @GET
    @Path("/models")
    Response models(@HeaderParam("Authorization") String authorization);
}
