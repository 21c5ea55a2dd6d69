package dk.articlesummarizer.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** HTML and Markdown read as paragraphs with placeholders, and written back with a translation in their places. */
class MarkedUpArticleTest {

    private static final String HTML = "<p>Hej <b>med <i>dig</i></b> og <a href=\"x\">et link</a>.</p>"
            + "<figure><img src=\"a.png\" alt=\"Et billede\"></figure>";

    @Test
    void htmlInlineElementsBecomePlaceholdersAndAltTextAParagraph() {
        assertEquals(List.of("Hej <g1>med <g2>dig</g2></g1> og <g3>et link</g3>.", "Et billede"),
                MarkedUpArticle.parse(ArticleFormat.HTML, HTML).paragraphs());
    }

    @Test
    void htmlTranslationGoesBackIntoTheSameElements() {
        String rendered = MarkedUpArticle.parse(ArticleFormat.HTML, HTML)
                .render(List.of("<g3>A link</g3> and hi <g1>to <g2>you</g2></g1>.", "A picture"));

        assertEquals("<p><a href=\"x\">A link</a> and hi <b>to <i>you</i></b>.</p>"
                + "<figure><img src=\"a.png\" alt=\"A picture\"></figure>", rendered);
    }

    @Test
    void anUnclosedPlaceholderKeepsItsWordsAndAnUnknownOneIsLeftOut() {
        String rendered = MarkedUpArticle.parse(ArticleFormat.HTML, HTML)
                .render(List.of("Hi <g1>to you <g9/>and a link.", "A picture"));

        assertEquals("<p>Hi to you and a link.</p><figure><img src=\"a.png\" alt=\"A picture\"></figure>", rendered);
    }

    @Test
    void theAltTextOfAnImageAmongWordsIsTranslatedToo() {
        MarkedUpArticle article = MarkedUpArticle.parse(ArticleFormat.HTML,
                "<p>Se <a href=\"x\" title=\"Kortet\">kortet</a> og <img src=\"a.png\" alt=\"En rød bil\"> her.</p>");

        assertEquals(List.of("Se <g1>kortet</g1> og <g2/> her.", "Kortet", "En rød bil"), article.paragraphs());
        assertEquals("<p>See <a href=\"x\" title=\"The map\">the map</a> and <img src=\"a.png\" alt=\"A red car\">"
                + " here.</p>", article.render(List.of("See <g1>the map</g1> and <g2/> here.", "The map", "A red car")));
    }

    @Test
    void markdownEmphasisAndLinksBecomePlaceholdersAndCodeStandsAlone() {
        MarkedUpArticle article = MarkedUpArticle.parse(ArticleFormat.MARKDOWN,
                "Hej *med* [et link](https://example.dk \"T\") og `kode`.\n");

        assertEquals(List.of("Hej <g1>med</g1> <g2>et link</g2> og <g3/>."), article.paragraphs());
        assertEquals("Hi *with* [a link](https://example.dk \"T\") and `kode`.\n",
                article.render(List.of("Hi <g1>with</g1> <g2>a link</g2> and <g3/>.")));
    }
}
