package dk.articlesummarizer.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArticleTextTest {

    @Test
    void crlfAndLoneCrBecomeLf() {
        assertEquals("a\nb\nc", ArticleText.normalize("a\r\nb\rc").value());
    }

    @Test
    void trailingWhitespaceOfEveryLineIsRemovedButLeadingIndentKept() {
        assertEquals("  a\n\nb", ArticleText.normalize("  a \t\n \t\nb  ").value());
    }

    @Test
    void leadingAndTrailingBlankLinesAreRemoved() {
        assertEquals("a\n\nb", ArticleText.normalize("\n \n\t\na\n\nb\n\n \n").value());
    }

    @Test
    void decomposedLettersAreComposed() {
        assertEquals("\u00e5", ArticleText.normalize("a\u030a").value());
    }

    @Test
    void byteOrderMarkIsDropped() {
        assertEquals("Hej", ArticleText.normalize("\uFEFFHej").value());
    }

    @Test
    void whitespaceOnlyIsBlank() {
        assertTrue(ArticleText.normalize(" \r\n\t\n ").isBlank());
    }

    @Test
    void canonicalTextIsKeptAsIs() {
        String canonical = "Overskrift\n\nFørste afsnit.\nAnden linje.\n\n\nSidste afsnit.";
        assertTrue(canonical == ArticleText.normalize(canonical).value(), "no copy for canonical text");
    }

    @Test
    void whitespaceOnlyLinesInsideBecomeEmpty() {
        assertEquals("a\n\nb", ArticleText.normalize("a\n \t \nb").value());
    }

    @Test
    void charactersAreCountedAsCodePoints() {
        assertEquals(3, ArticleText.normalize("a\uD83D\uDE00b").characterCount());
    }
}
