package dk.articlesummarizer.pipeline;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dk.articlesummarizer.llm.LlmConfig;
import dk.articlesummarizer.llm.Prompts;
import io.quarkus.runtime.Startup;


/**
 * How much text one LLM call may carry so that its prompt plus the longest answer it may give fit in the model's
 * context window ({@code LLM_CONTEXT_TOKENS}, with {@code LLM_MAX_OUTPUT_TOKENS} sent as {@code max_tokens}).
 * A provider whose window is exceeded refuses the call, or (Ollama) silently cuts the prompt's beginning.
 * <p>
 * Counted in characters with a conservative number of characters per token: Danish and English text run at 3.3
 * to 4.5 characters per token with the Llama 3, Qwen 2.5, Mistral and GPT-4o tokenizers.
 */
@ApplicationScoped
@Startup
public class ContextBudget {

    private static final Logger LOG = Logger.getLogger(ContextBudget.class);

    static final double CHARS_PER_TOKEN = 3.0;
    /** English tokens per Danish token of the same text, with room to spare. */
    static final double TRANSLATION_GROWTH = 1.2;
    /** What an answer holds besides the translation: the JSON, a headline, bullets or key facts. */
    static final int ANSWER_EXTRA_TOKENS = 400;
    /** What a prompt holds besides our text: chat-template tokens and the extension's JSON instructions. */
    static final int PROMPT_EXTRA_TOKENS = 300;
    /** The text before a passage handed along for names and terms: a sentence or two. */
    static final int MAX_CONTEXT_CHARS = 300;
    /** Below this, passages are too short to translate well: a smaller budget is raised to it, with a WARN. */
    static final int MIN_PASSAGE_CHARS = 500;

    private final int passageChars;
    private final int contextChars;
    private final int promptChars;

    public ContextBudget(LlmConfig llm, SummarizerConfig summarizer) {
        int output = llm.maxOutputTokens();
        int promptTokens = llm.contextTokens() - output - tokens(Prompts.longestSystemChars()) - PROMPT_EXTRA_TOKENS;
        this.promptChars = Math.max(MIN_PASSAGE_CHARS, (int) (promptTokens * CHARS_PER_TOKEN));
        this.contextChars = Math.min(MAX_CONTEXT_CHARS, promptChars / 10);
        int byAnswer = (int) ((output - ANSWER_EXTRA_TOKENS) * CHARS_PER_TOKEN / TRANSLATION_GROWTH);
        int fits = Math.min(byAnswer, promptChars - contextChars);
        if (fits < MIN_PASSAGE_CHARS) {
            LOG.warnf("LLM_CONTEXT_TOKENS=%d with LLM_MAX_OUTPUT_TOKENS=%d leaves room for only %d characters per"
                    + " call; using %d, which may not fit. Give the model a larger context window.",
                    llm.contextTokens(), output, Math.max(fits, 0), MIN_PASSAGE_CHARS);
        }
        this.passageChars = Math.min(summarizer.chunkChars(), Math.max(MIN_PASSAGE_CHARS, fits));
    }

    /** The longest text translated in one call: an article up to this long is one call, a longer one is split. */
    public int passageChars() {
        return passageChars;
    }

    /** How much of the text before a passage goes along with it. */
    public int contextChars() {
        return contextChars;
    }

    /** The most text one prompt may carry besides its system prompt: the digest's facts, for one. */
    public int promptChars() {
        return promptChars;
    }

    private static int tokens(int chars) {
        return (int) Math.ceil(chars / CHARS_PER_TOKEN);
    }
}
