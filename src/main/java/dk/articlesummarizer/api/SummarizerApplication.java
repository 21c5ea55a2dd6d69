package dk.articlesummarizer.api;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

/**
 * The REST application, here to carry the API description's info block. An annotation rather than
 * {@code quarkus.smallrye-openapi.info-*} properties, because those cannot state a license identifier, without which
 * strict OpenAPI 3.1 loaders (openapi-generator's validation among them) reject the document.
 */
@OpenAPIDefinition(info = @Info(title = "article-summarizer", version = "1.0",
        description = "Translates a Danish news article into English and summarizes it.",
        license = @License(name = "Proprietary", identifier = "LicenseRef-Proprietary")))
public class SummarizerApplication extends Application {
}
