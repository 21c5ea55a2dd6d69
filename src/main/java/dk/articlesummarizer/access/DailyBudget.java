package dk.articlesummarizer.access;

/**
 * A day's allowance of LLM work: tokens, cost, or both; 0 means no limit.
 *
 * @param cost in {@code LLM_PRICE_CURRENCY}
 */
public record DailyBudget(long tokens, double cost) {

    public static final DailyBudget UNLIMITED = new DailyBudget(0, 0);

    public boolean limited() {
        return tokens > 0 || cost > 0;
    }

    /** Whether what was spent leaves nothing. */
    boolean spentBy(long tokensSpent, double costSpent) {
        return tokens > 0 && tokensSpent >= tokens || cost > 0 && costSpent >= cost;
    }

    /**
     * A key file's settings for one key, {@code tokens-per-day=200000} and {@code cost-per-day=5}, each overriding
     * this budget's.
     *
     * @throws IllegalArgumentException naming what is wrong; a word that is not a known setting is not quoted, since
     *         it may be a key written on the wrong line
     */
    DailyBudget overriddenBy(String[] settings) {
        long tokensPerDay = tokens;
        double costPerDay = cost;
        for (int i = 0; i < settings.length; i++) {
            String[] nameAndValue = settings[i].split("=", 2);
            String value = nameAndValue.length == 2 ? nameAndValue[1] : "";
            try {
                switch (nameAndValue[0]) {
                    case "tokens-per-day" -> tokensPerDay = nonNegative(Long.parseLong(value));
                    case "cost-per-day" -> costPerDay = nonNegative(Double.parseDouble(value));
                    default -> throw new IllegalArgumentException("word " + (i + 2) + " is not a setting"
                            + " (known: tokens-per-day=<number>, cost-per-day=<number>)");
                }
            } catch (NumberFormatException e) {
                String kind = nameAndValue[0].equals("tokens-per-day") ? "a whole number" : "a number";
                throw new IllegalArgumentException(nameAndValue[0] + " must be " + kind + " of 0 or more, not '"
                        + value + "'");
            }
        }
        return new DailyBudget(tokensPerDay, costPerDay);
    }

    private static <N extends Number> N nonNegative(N number) {
        if (!(number.doubleValue() >= 0) || Double.isInfinite(number.doubleValue())) {
            throw new NumberFormatException();
        }
        return number;
    }
}
