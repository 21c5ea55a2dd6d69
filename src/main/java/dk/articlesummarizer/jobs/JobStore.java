package dk.articlesummarizer.jobs;

import java.io.IOException;
import java.util.Optional;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dk.articlesummarizer.replicas.SharedStore;

/**
 * Where jobs live: in Redis when replicas share one (so that any replica answers GET /jobs/{id}), otherwise in a
 * bounded in-memory map; either way for {@code SUMMARIZER_JOBS_TTL} after their last change. With Redis, this
 * replica's own jobs are also kept in memory, so that a Redis fault never loses a job to the replica running it.
 */
@Singleton
public class JobStore {

    private static final String KIND = "job";

    private final SharedStore shared;
    private final ObjectMapper json;
    private final JobsConfig config;
    private final Cache<String, Job> local;

    public JobStore(SharedStore shared, ObjectMapper json, JobsConfig config) {
        this.shared = shared;
        this.json = json;
        this.config = config;
        this.local = Caffeine.newBuilder().maximumSize(config.maxJobs()).expireAfterWrite(config.ttl()).build();
    }

    public void save(Job job) {
        local.put(job.id(), job);
        if (shared.enabled() && !job.noStore()) {
            shared.put(KIND, job.id(), write(job), config.ttl());
        }
    }

    public void forget(String id) {
        local.invalidate(id);
    }

    public Optional<Job> find(String id) {
        Job mine = local.getIfPresent(id);
        if (mine != null || !shared.enabled()) {
            return Optional.ofNullable(mine);
        }
        return shared.get(KIND, id).flatMap(this::read);
    }

    private byte[] write(Job job) {
        ObjectNode stored = json.valueToTree(job);
        stored.put("owner", job.owner());
        try {
            return json.writeValueAsBytes(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A job always serializes", e);
        }
    }

    private Optional<Job> read(byte[] stored) {
        try {
            ObjectNode node = (ObjectNode) json.readTree(stored);
            String owner = node.path("owner").asText("");
            node.remove("owner");
            Job job = json.treeToValue(node, Job.class);
            return Optional.of(new Job(job.id(), owner, false, job.status(), job.progress(), job.result(),
                    job.problem()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
