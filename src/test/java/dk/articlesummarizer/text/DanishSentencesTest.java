package dk.articlesummarizer.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class DanishSentencesTest {

    @Test
    void abbreviationsDoNotEndASentence() {
        String text = "Kommunen har bl.a. afsat ca. 1.500 kr. pr. borger. Det er f.eks. mere end i fjor. "
                + "Ifølge dir. Lund m.fl. er det nok.";
        assertEquals(List.of("Kommunen har bl.a. afsat ca. 1.500 kr. pr. borger.", "Det er f.eks. mere end i fjor.",
                "Ifølge dir. Lund m.fl. er det nok."), DanishSentences.split(text));
    }

    @Test
    void numbersAndOrdinalDatesDoNotEndASentence() {
        String text = "Planen koster 21,4 mio. kr. og blev vedtaget den 15. september med 1.000 stemmer. "
                + "Byggeriet slutter i 2031. Derefter åbner parken.";
        assertEquals(List.of("Planen koster 21,4 mio. kr. og blev vedtaget den 15. september med 1.000 stemmer.",
                "Byggeriet slutter i 2031.", "Derefter åbner parken."), DanishSentences.split(text));
    }

    @Test
    void quotesAndQuestionsEndSentences() {
        String text = "\"Hvem betaler?\" spørger hun. \"Vi gør,\" svarer han! Initialerne J. K. Holm står på listen.";
        assertEquals(List.of("\"Hvem betaler?\" spørger hun.", "\"Vi gør,\" svarer han!",
                "Initialerne J. K. Holm står på listen."), DanishSentences.split(text));
    }
}
