package dk.articlesummarizer.pipeline;

/** Hears how far the LLM work for one article has come: the steps planned (passages and digest), then each done. */
public interface Progress {

    Progress NONE = new Progress() {
        @Override
        public void planned(int steps) {
        }

        @Override
        public void stepDone() {
        }
    };

    void planned(int steps);

    void stepDone();
}
