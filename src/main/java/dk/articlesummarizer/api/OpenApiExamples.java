package dk.articlesummarizer.api;

/** Examples shown in the OpenAPI description; our own text. */
final class OpenApiExamples {

    static final String JSON_REQUEST = "{\"title\": \"Nyt havnebad åbner i Aalborg\", \"text\": \"Aalborg Kommune åbner"
            + " på lørdag et nyt havnebad ved Vestre Fjordpark. Badet har plads til 450 gæster.\"}";
    static final String PLAIN_REQUEST = "Aalborg Kommune åbner på lørdag et nyt havnebad ved Vestre Fjordpark."
            + " Badet har plads til 450 gæster.";
    static final String RESPONSE = "{\"title\": \"New harbour bath opens in Aalborg\", \"translation\": \"Aalborg"
            + " Municipality opens a new harbour bath at Vestre Fjordpark on Saturday. The bath has room for 450"
            + " guests.\", \"summary\": [\"Aalborg opens a harbour bath on Saturday.\", \"It is at Vestre"
            + " Fjordpark.\", \"It has room for 450 guests.\"], \"sourceLanguage\": \"da\", \"model\":"
            + " \"gpt-4o-mini\", \"cached\": false, \"usage\": {\"inputTokens\": 412, \"outputTokens\": 96},"
            + " \"chunks\": 1}";

    private OpenApiExamples() {
    }
}
