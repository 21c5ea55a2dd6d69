package dk.articlesummarizer.support;

import java.util.Random;

/**
 * Generates long Danish articles from our own sentences: numbered paragraphs ("Afsnit N."), with abbreviations,
 * Danish number formats and quotes, deterministic for a seed.
 */
public final class LongArticles {

    private static final String[] SENTENCES = {
            "Kommunen har bl.a. afsat ca. 1.500 kr. pr. borger til projektet.",
            "Ifølge formanden, Jens Kristian Holm, er f.eks. 3,5 procent af budgettet allerede brugt.",
            "\"Vi skal huske, at det er borgernes penge,\" siger rådmand Mette Søgaard.",
            "Planen blev vedtaget den 15. september med 17 stemmer mod 8.",
            "Direktør Anne-Marie Lund oplyser, at arbejdet koster omkring 21,4 mio. kr. i alt.",
            "Det svarer til ca. 2.300 kr. for hver husstand i området.",
            "Lokalrådet har afholdt tre borgermøder siden marts.",
            "En rundspørge blandt 312 beboere viser, at 41 procent er imod.",
            "Resten af beboerne bakker op om projektet eller har endnu ikke taget stilling.",
            "Byggeriet forventes at begynde i 2027 og være færdigt i 2031.",
            "Borgmesteren vil ikke udelukke, at tidsplanen bliver ændret.",
            "Ifølge Energistyrelsen træffes den endelige afgørelse i løbet af efteråret." };

    private LongArticles() {
    }

    /** About {@code targetChars} characters, never more. */
    public static String generate(int targetChars, long seed) {
        String text = generateAtLeast(targetChars, seed);
        int cut = text.lastIndexOf("\n\n", targetChars);
        return text.length() <= targetChars || cut < 0 ? text : text.substring(0, cut);
    }

    private static String generateAtLeast(int targetChars, long seed) {
        Random random = new Random(seed);
        StringBuilder article = new StringBuilder();
        for (int paragraph = 0; article.length() < targetChars; paragraph++) {
            if (paragraph > 0) {
                article.append("\n\n");
            }
            article.append("Afsnit ").append(paragraph).append('.');
            int sentences = 4 + random.nextInt(8);
            for (int s = 0; s < sentences; s++) {
                article.append(' ').append(SENTENCES[random.nextInt(SENTENCES.length)]);
            }
        }
        return article.toString();
    }

    /** Exactly {@code count} paragraphs ("Afsnit 0." onwards) of about {@code chars} characters each. */
    public static String paragraphs(int count, int chars, long seed) {
        Random random = new Random(seed);
        StringBuilder article = new StringBuilder();
        for (int paragraph = 0; paragraph < count; paragraph++) {
            StringBuilder text = new StringBuilder("Afsnit ").append(paragraph).append('.');
            while (text.length() < chars - 40) {
                text.append(' ').append(SENTENCES[random.nextInt(SENTENCES.length)]);
            }
            article.append(paragraph > 0 ? "\n\n" : "").append(text);
        }
        return article.toString();
    }

    /** One paragraph of {@code chars} characters, with no line breaks. */
    public static String singleParagraph(int chars, long seed) {
        return generateAtLeast(chars, seed).replaceAll("\n\n", " ");
    }
}
