package dk.articlesummarizer.api;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import dk.articlesummarizer.language.LanguageConfig;
import dk.articlesummarizer.problem.Problem;
import dk.articlesummarizer.problem.ProblemType;
import dk.articlesummarizer.summary.SummarizerConfig;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.smallrye.config.SmallRyeConfig;

/**
 * What annotations cannot say, or would say a hundred times: the headers every response carries, the configured
 * limits and languages, the problem types with an example per status, which fields are always present, and the
 * answers of other methods and paths. Applied once at start, so the description states this deployment's limits.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ContractFilter implements OASFilter {

    private static final String REQUEST_ID = "X-Request-Id";
    private static final List<String> RATE_LIMIT_HEADERS = List.of("RateLimit-Limit", "RateLimit-Remaining",
            "RateLimit-Reset");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        SmallRyeConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class);
        SummarizerConfig limits = config.getConfigMapping(SummarizerConfig.class);
        LanguageConfig languages = config.getConfigMapping(LanguageConfig.class);
        Components components = openAPI.getComponents();
        declareHeaders(components);
        describeSchemas(components.getSchemas(), limits, languages);
        openAPI.getPaths().getPathItems().forEach((name, path) -> {
            path.description("Any other method answers 405 problem+json (method-not-allowed) with Allow: "
                    + ProblemExceptionMappers.allowed(name) + "; any path the API does not have answers 404"
                    + " problem+json (not-found).");
            if (path.getOPTIONS() != null) {
                path.getOPTIONS().getResponses().addAPIResponse("401",
                        problemResponse("API keys are on and none (or a wrong one) was sent"));
            }
            path.getOperations().forEach((method, operation) -> describeOperation(operation,
                    method == org.eclipse.microprofile.openapi.models.PathItem.HttpMethod.POST));
        });
    }

    private static void declareHeaders(Components components) {
        components.addHeader(REQUEST_ID, OASFactory.createHeader().required(true)
                .description("The request's id: the caller's X-Request-Id when it is 1-128 of A-Z a-z 0-9 . _ : -,"
                        + " a new UUID otherwise. Also in every problem as requestId, and in the service's logs.")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        String when = " Sent on every answer to a POST when rate limits are on (SUMMARIZER_RATE_LIMIT_PER_MINUTE).";
        components.addHeader("RateLimit-Limit", integerHeader("Articles allowed per minute." + when));
        components.addHeader("RateLimit-Remaining", integerHeader("Articles left in this minute." + when));
        components.addHeader("RateLimit-Reset", integerHeader("Seconds until the minute's budget renews." + when));
        components.addParameter(REQUEST_ID, OASFactory.createParameter().name(REQUEST_ID)
                .in(Parameter.In.HEADER).required(false)
                .description("Your id for this request (1-128 of A-Z a-z 0-9 . _ : -); echoed back, logged")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .pattern("^[A-Za-z0-9._:-]{1,128}$")));
    }

    private static Header integerHeader(String description) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(java.math.BigDecimal.ZERO));
    }

    private static APIResponse problemResponse(String description) {
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))));
    }

    /** @param limited whether the rate limit counts it (POST: it sends articles) */
    private void describeOperation(Operation operation, boolean limited) {
        operation.addParameter(OASFactory.createParameter().ref(REQUEST_ID));
        if (operation.getResponses() == null) {
            return;
        }
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            response.addHeader(REQUEST_ID, OASFactory.createHeader().ref(REQUEST_ID));
            if (limited) {
                RATE_LIMIT_HEADERS.forEach(name -> response.addHeader(name, OASFactory.createHeader().ref(name)));
            }
            if (response.getContent() != null && response.getContent().hasMediaType(Problem.MEDIA_TYPE)
                    && status.matches("\\d{3}")) {
                addExamples(response.getContent().getMediaType(Problem.MEDIA_TYPE), Integer.parseInt(status));
            }
        });
    }

    /** One example per problem type of this status, named by the type. */
    private static void addExamples(MediaType content, int status) {
        for (ProblemType type : ProblemType.values()) {
            if (type.status() == status) {
                Map<String, Object> problem = new LinkedHashMap<>();
                problem.put("type", type.type().toString());
                problem.put("title", type.title());
                problem.put("status", status);
                problem.put("detail", "What went wrong with this request, and what to do about it.");
                problem.put("requestId", "8d08ed0d-7c65-4417-b6c3-7f130227bbc5");
                content.addExample(type.name().toLowerCase().replace('_', '-'),
                        OASFactory.createExample().value(problem));
            }
        }
    }

    private static void describeSchemas(Map<String, Schema> schemas, SummarizerConfig limits,
            LanguageConfig languages) {
        Schema problem = schemas.get("Problem");
        problem.required(List.of("type", "title", "status"));
        problem.getProperties().get("type").enumeration(Arrays.stream(ProblemType.values())
                .map(type -> (Object) type.type().toString()).toList())
                .description("The kind of problem; docs/api.md describes each");
        problem.getProperties().get("status").minimum(java.math.BigDecimal.valueOf(400))
                .maximum(java.math.BigDecimal.valueOf(599));

        Schema request = schemas.get("SummarizeRequest");
        request.required(List.of("text"));
        request.getProperties().get("text").minLength(1).maxLength(limits.maxTextChars())
                .description("The article, up to SUMMARIZER_MAX_TEXT_CHARS characters (Unicode code points, after"
                        + " normalization), in an accepted language");
        request.getProperties().get("title").maxLength(limits.maxTitleChars())
                .description("The headline, if any, up to SUMMARIZER_MAX_TITLE_CHARS characters");

        Schema response = schemas.get("SummarizeResponse");
        response.required(List.of("title", "translation", "summary", "sourceLanguage", "model", "cached", "usage",
                "chunks", "reused", "format", "removed"));
        response.getProperties().get("format").enumeration(List.of("text", "html", "markdown"))
                .description("How translation is written: as the article was (text, html or markdown)");
        response.getProperties().get("removed").description("What sanitizing took out of an HTML or Markdown"
                + " article, by kind (script, onclick attribute, javascript: URL, ...); nothing in it was run or"
                + " fetched");
        response.getProperties().get("summary").minItems(3).maxItems(7);
        response.getProperties().get("sourceLanguage").enumeration(languages.accepted().stream()
                .map(language -> (Object) language).toList())
                .description("The article's language (ISO 639-1), one of SUMMARIZER_LANGUAGE_ACCEPTED");
        response.getProperties().get("chunks").minimum(java.math.BigDecimal.ONE);
        schemas.get("UsageReport").required(List.of("day", "resetsInSeconds", "currency", "tokens", "cost"));
        schemas.get("UsageTokens").required(List.of("spent"));
        schemas.get("UsageCost").required(List.of("spent"));
        schemas.get("AnswerUsage").required(List.of("inputTokens", "outputTokens", "cost", "savedTokens", "savedCost",
                "currency"));
    }
}
