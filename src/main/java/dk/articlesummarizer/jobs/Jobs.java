package dk.articlesummarizer.jobs;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.articlesummarizer.common.DaemonThreads;
import dk.articlesummarizer.common.LogContext;
import dk.articlesummarizer.problem.ProblemException;
import dk.articlesummarizer.summary.CachePolicy;
import dk.articlesummarizer.summary.Progress;
import dk.articlesummarizer.summary.SummaryService;

/**
 * Work that answers later: the article is checked at once (a bad one is refused before any job exists), then
 * answered on a thread of its own through the same service, cache and single-flight, its progress and outcome
 * written to the {@link JobStore}. An article whose answer is cached makes a job that is done at once.
 */
@ApplicationScoped
public class Jobs {

    private static final SecureRandom IDS = new SecureRandom();

    private final SummaryService summaries;
    private final JobStore store;
    private final ObjectMapper json;
    private final ExecutorService work = Executors.newCachedThreadPool(new DaemonThreads("summary-job"));

    public Jobs(SummaryService summaries, JobStore store, ObjectMapper json) {
        this.summaries = summaries;
        this.store = store;
        this.json = json;
    }

    @PreDestroy
    void stop() {
        work.shutdownNow();
    }

    /** @param owner the caller id of the API key, or "" when keys are off */
    public Job start(String rawText, String rawTitle, CachePolicy policy, String owner, String requestId) {
        SummaryService.Admitted admitted = summaries.admit(rawText, rawTitle, policy);
        Job job = new Job(newId(), owner, policy == CachePolicy.BYPASS, Job.Status.running, new Job.Progress(0, 0),
                null, null);
        if (admitted.cached().isPresent()) {
            job = job.running(new Job.Progress(1, 1)).done(tree(admitted.cached().get().json()));
            store.save(job);
            return job;
        }
        store.save(job);
        Job started = job;
        work.submit(LogContext.carried(() -> {
            run(started, admitted, policy, requestId);
            return null;
        }));
        return job;
    }

    /**
     * The job, if it exists, has not expired, and belongs to this caller; otherwise nothing, alike. A no-store job
     * is forgotten once its outcome has been read.
     */
    public Optional<Job> find(String id, String caller) {
        Optional<Job> job = store.find(id).filter(found -> found.owner().equals(caller));
        job.filter(found -> found.noStore() && found.status() != Job.Status.running)
                .ifPresent(finished -> store.forget(finished.id()));
        return job;
    }

    private void run(Job job, SummaryService.Admitted admitted, CachePolicy policy, String requestId) {
        ProgressOf progress = new ProgressOf(job);
        try {
            JsonNode answer = tree(summaries.summarize(admitted, policy, progress).json());
            store.save(progress.job.done(answer));
        } catch (RuntimeException e) {
            store.save(progress.job.failed(ProblemException.unexpected(e).toProblem(requestId)));
        }
    }

    /** Writes each step of the LLM work to the store as it finishes. */
    private final class ProgressOf implements Progress {

        private final AtomicInteger done = new AtomicInteger();
        private volatile int total;
        private volatile Job job;

        ProgressOf(Job job) {
            this.job = job;
        }

        @Override
        public synchronized void planned(int steps) {
            total = steps;
            job = job.running(new Job.Progress(done.get(), total));
            store.save(job);
        }

        @Override
        public synchronized void stepDone() {
            job = job.running(new Job.Progress(Math.min(total, done.incrementAndGet()), total));
            store.save(job);
        }
    }

    private JsonNode tree(byte[] answer) {
        try {
            return json.readTree(answer);
        } catch (IOException e) {
            throw new IllegalStateException("An answer is always JSON", e);
        }
    }

    /** 128 random bits: unguessable, and not derived from the article. */
    private static String newId() {
        byte[] bits = new byte[16];
        IDS.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }
}
