package dk.articlesummarizer.jobs;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.articlesummarizer.cache.SharedStore;
import dk.articlesummarizer.llm.Deadline;
import dk.articlesummarizer.llm.LlmConfig;
import dk.articlesummarizer.pipeline.ArticleInput;
import dk.articlesummarizer.pipeline.CachePolicy;
import dk.articlesummarizer.pipeline.Progress;
import dk.articlesummarizer.pipeline.SummaryService;
import dk.articlesummarizer.problem.ProblemException;
import dk.articlesummarizer.problem.ProblemType;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Work that answers later: the article is checked at once (a bad one is refused before any job exists), then waits
 * in a bounded queue, holding no thread, for one of {@code LLM_MAX_CONCURRENCY} runners, which answer it through
 * the same service, cache, single-flight and admission point as a request, within the job's own deadline. Progress
 * and outcome go to the {@link JobStore}. An article whose answer is cached makes a job that is done at once.
 * <p>
 * On shutdown no job is taken; waiting jobs fail at once and running ones get the shutdown grace period, then fail,
 * each with a problem that says to submit it again. With Redis, a job holds a lease until its outcome is stored,
 * so that another replica reports it failed once its replica has died; the outcome is written once and reads the
 * same on every replica ({@link JobStore}).
 */
@ApplicationScoped
public class Jobs {

    private static final Logger LOG = Logger.getLogger(Jobs.class);
    private static final SecureRandom IDS = new SecureRandom();
    static final String TIMEOUT_SETTING = "SUMMARIZER_JOBS_TIMEOUT";

    private final SummaryService summaries;
    private final JobStore store;
    private final ObjectMapper json;
    private final JobsConfig config;
    private final Duration shutdownGrace;
    private final int runners;
    /** A turn per runner; a job holds one while it runs on Quarkus's worker pool. */
    private final Semaphore turns;
    private final BlockingQueue<Runnable> waiting;
    private final Map<String, Unfinished> unfinished = new ConcurrentHashMap<>();
    /** Outcomes that Redis did not take when they were made; their jobs stay unfinished (and leased) until then. */
    private final Map<String, Job> unstored = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    public Jobs(SummaryService summaries, JobStore store, ObjectMapper json, JobsConfig config,
            LlmConfig llm, @ConfigProperty(name = "quarkus.shutdown.timeout") Optional<Duration> shutdownTimeout) {
        this.summaries = summaries;
        this.store = store;
        this.json = json;
        this.config = config;
        this.shutdownGrace = shutdownTimeout.orElse(Duration.ZERO);
        this.runners = Math.max(1, llm.maxConcurrency());
        this.turns = new Semaphore(runners);
        this.waiting = new ArrayBlockingQueue<>(Math.max(1, config.maxWaiting()));
    }

    /** A job accepted and not finished (or its outcome not yet stored): its deadline, and its lease. */
    private record Unfinished(Job job, Deadline deadline, SharedStore.Lease lease, AtomicInteger state) {
        static final int WAITING = 0;
        static final int RUNNING = 1;
        static final int ENDED = 2;
    }

    /** @param owner the caller id of the API key, or "" when keys are off */
    public Job start(ArticleInput input, CachePolicy policy, String owner, String requestId) {
        refuseIfStopping();
        SummaryService.Admitted admitted = summaries.admit(input, policy, owner);
        Job job = new Job(newId(), owner, policy == CachePolicy.BYPASS, Job.Status.running, new Job.Progress(0, 0),
                null, null);
        if (admitted.cached().isPresent()) {
            job = job.done(tree(admitted.cached().get().json()));
            if (!store.end(job)) {
                unstored.put(job.id(), job);
            }
            return job;
        }
        Deadline deadline = Deadline.after(config.timeout(), TIMEOUT_SETTING).patient();
        Unfinished entry = new Unfinished(job, deadline, store.hold(job), new AtomicInteger(Unfinished.WAITING));
        unfinished.put(job.id(), entry);
        store.save(job, entry.lease());
        if (waiting.offer(() -> run(entry, admitted, policy, requestId))) {
            runWaiting();
        } else {
            end(entry);
            store.forget(job.id());
            throw new ProblemException(ProblemType.JOBS_FULL, config.maxWaiting() + " jobs already wait for a turn"
                    + " (SUMMARIZER_JOBS_MAX_WAITING). Retry after the indicated delay, or send the article without"
                    + " Prefer: respond-async.", Duration.ofSeconds(10), null);
        }
        return job;
    }

    /**
     * Gives each free turn a waiting job, run on Quarkus's worker pool; a job that ends gives its turn to the next.
     * (A bounded queue in front of the one worker pool, so that waiting jobs hold no thread of their own.)
     */
    private void runWaiting() {
        while (!waiting.isEmpty() && turns.tryAcquire()) {
            Runnable job = waiting.poll();
            if (job == null) {
                turns.release();
                continue;
            }
            try {
                Infrastructure.getDefaultWorkerPool().execute(() -> {
                    try {
                        job.run();
                    } finally {
                        turns.release();
                        runWaiting();
                    }
                });
            } catch (RejectedExecutionException shuttingDown) {
                turns.release(); // the job stays waiting, and shutdown fails it as interrupted
            }
        }
    }

    /**
     * The job, if it exists, has not expired, and belongs to this caller; otherwise nothing, alike. A no-store job
     * is forgotten once its outcome has been read. A running job whose replica died (its lease truly expired) is
     * failed, for every replica.
     */
    public Optional<Job> find(String id, String caller) {
        Optional<Job> job = store.find(id).filter(found -> found.owner().equals(caller)).map(this::failedIfAbandoned);
        job.filter(found -> found.noStore() && found.status() != Job.Status.running)
                .ifPresent(finished -> store.forget(finished.id()));
        return job;
    }

    private Job failedIfAbandoned(Job job) {
        if (job.status() != Job.Status.running || unfinished.containsKey(job.id())) {
            return job;
        }
        return store.failedIfAbandoned(job, interrupted(job.id()).toProblem(null));
    }

    private void run(Unfinished entry, SummaryService.Admitted admitted, CachePolicy policy, String requestId) {
        if (!entry.state().compareAndSet(Unfinished.WAITING, Unfinished.RUNNING)) {
            return;
        }
        ProgressOf progress = new ProgressOf(entry);
        try {
            if (entry.deadline().expired()) {
                throw new ProblemException(ProblemType.LLM_TIMEOUT, "The job waited longer than its deadline of "
                        + config.timeout() + " (" + TIMEOUT_SETTING + ") for a turn. Retrying later may help.");
            }
            JsonNode answer = tree(summaries.answer(admitted, policy, entry.deadline(), progress).json());
            finish(entry, progress.job.done(answer));
        } catch (RuntimeException e) {
            finish(entry, progress.job.failed(ProblemException.unexpected(e).toProblem(requestId)));
        }
    }

    /** Stores the job's outcome unless shutdown already failed it; the job ends when the store has it. */
    private void finish(Unfinished entry, Job outcome) {
        if (entry.state().compareAndSet(Unfinished.RUNNING, Unfinished.ENDED)) {
            if (store.end(outcome)) {
                end(entry);
            } else {
                unstored.put(outcome.id(), outcome);
            }
        }
    }

    /** Redis answers (again): the outcomes it did not take are written now, and their jobs end. */
    void storeUnstored(@Observes SharedStore.Answered redis) {
        for (Job outcome : unstored.values()) {
            if (store.end(outcome) && unstored.remove(outcome.id(), outcome)) {
                Unfinished entry = unfinished.get(outcome.id());
                if (entry != null) {
                    end(entry);
                }
            }
        }
    }

    private void end(Unfinished entry) {
        unfinished.remove(entry.job().id());
        entry.lease().close();
    }

    /**
     * SIGTERM: readiness turns DOWN and no new job is taken; waiting jobs fail at once (so that callers resubmit
     * them elsewhere), and running ones get the shutdown grace period to finish, while the HTTP server and the LLM
     * client still work (Quarkus closes its clients before {@link ShutdownEvent}); those still running then fail.
     */
    void drain(@Observes ShutdownDelayInitiatedEvent delayStarts) {
        stopping = true;
        waiting.clear();
        int waitingJobs = failAll(Unfinished.WAITING);
        boolean finished;
        try {
            // Every turn back: no job runs any more.
            finished = turns.tryAcquire(runners, shutdownGrace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        int running = finished ? 0 : failAll(Unfinished.RUNNING);
        if (waitingJobs + running > 0) {
            LOG.warnf("Shutting down: %d waiting and %d running jobs failed as interrupted", waitingJobs, running);
        }
    }

    /** Without a shutdown delay there is no drain; whatever is unfinished now fails as interrupted. */
    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        waiting.clear();
        int unfinishedJobs = failAll(Unfinished.WAITING) + failAll(Unfinished.RUNNING);
        if (unfinishedJobs > 0) {
            LOG.warnf("Shutting down: %d unfinished jobs failed as interrupted", unfinishedJobs);
        }
    }

    /** Fails every unfinished job in {@code state} as interrupted; how many. */
    private int failAll(int state) {
        int failed = 0;
        for (Unfinished entry : unfinished.values()) {
            if (entry.state().compareAndSet(state, Unfinished.ENDED)) {
                entry.deadline().cancel();
                Job latest = store.find(entry.job().id()).orElse(entry.job());
                // Stored once if Redis answers; if not, the lease runs out and another replica writes the same.
                store.end(latest.failed(interrupted(entry.job().id()).toProblem(null)));
                end(entry);
                failed++;
            }
        }
        return failed;
    }

    private static ProblemException interrupted(String id) {
        return new ProblemException(ProblemType.JOB_INTERRUPTED, "Job " + id + " was interrupted: the service"
                + " instance that ran it stopped (a deploy or a restart) before it finished. Submit the article"
                + " again; an answer already made is served from the cache.");
    }

    private void refuseIfStopping() {
        if (stopping) {
            throw new ProblemException(ProblemType.JOBS_FULL, "This service instance is shutting down and takes no"
                    + " new jobs. Retry after the indicated delay (another instance will take it).",
                    Duration.ofSeconds(5), null);
        }
    }

    /** Writes each step of the LLM work to the store as it finishes, unless the job has ended meanwhile. */
    private final class ProgressOf implements Progress {

        private final Unfinished entry;
        private int done;
        private int total;
        private volatile Job job;

        ProgressOf(Unfinished entry) {
            this.entry = entry;
            this.job = entry.job();
        }

        @Override
        public synchronized void planned(int steps) {
            total = steps;
            save(job.running(new Job.Progress(done, total)));
        }

        @Override
        public synchronized void stepDone() {
            done++;
            save(job.running(new Job.Progress(Math.min(total, done), total)));
        }

        private void save(Job now) {
            job = now;
            if (entry.state().get() == Unfinished.RUNNING) {
                store.save(now, entry.lease());
            }
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
