package dk.articlesummarizer.web;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import dk.articlesummarizer.language.LanguageConfig;
import dk.articlesummarizer.pipeline.SummarizerConfig;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.smallrye.config.SmallRyeConfig;

/**
 * States this deployment's article limits and accepted languages, which are configured at run time and so cannot be
 * in META-INF/openapi.yaml. Applied when the document is requested, like ApiKeySecurityFilter, not at every start.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
public class ConfiguredLimitsFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        SmallRyeConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class);
        SummarizerConfig limits = config.getConfigMapping(SummarizerConfig.class);
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Map<String, Schema> request = schemas.get("SummarizeRequest").getProperties();
        request.get("text").maxLength(limits.maxTextChars());
        request.get("title").maxLength(limits.maxTitleChars());
        schemas.get("SummarizeResponse").getProperties().get("sourceLanguage")
                .enumeration(List.<Object>copyOf(config.getConfigMapping(LanguageConfig.class).accepted()));
    }
}
