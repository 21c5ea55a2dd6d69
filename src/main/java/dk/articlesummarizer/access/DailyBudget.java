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
     * @throws IllegalArgumentException naming what is wrong
     */
    DailyBudget overriddenBy(String[] settings) {
        long tokensPerDay = tokens;
        double costPerDay = cost;
        for (String setting : settings) {
            String[] nameAndValue = setting.split("=", 2);
            try {
                switch (nameAndValue[0]) {
                    case "tokens-per-day" -> tokensPerDay = nonNegative(Long.parseLong(nameAndValue[1]));
                    case "cost-per-day" -> costPerDay = nonNegative(Double.parseDouble(nameAndValue[1]));
                    default -> throw new IllegalArgumentException("unknown setting '" + nameAndValue[0]
                            + "' (known: tokens-per-day, cost-per-day)");
                }
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new IllegalArgumentException("'" + setting + "' is not name=number");
            }
        }
        return new DailyBudget(tokensPerDay, costPerDay);
    }

    private static <N extends Number> N nonNegative(N number) {
        if (number.doubleValue() < 0 || Double.isNaN(number.doubleValue())) {
            throw new NumberFormatException();
        }
        return number;
    }
}
