package com.capidemo.lifecycle.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The lifecycle rules and the local schedule; each key is in docs/configuration.md. */
@ConfigMapping(prefix = "platform.lifecycle")
public interface LifecycleConfig {

    /** A ready demo unused this long is archived (unless pinned or on a template dataset). */
    @WithDefault("90d")
    Duration archiveAfter();

    /** An archived demo is deleted this long after it was archived (dataset dropped, agent deleted, record kept). */
    @WithDefault("180d")
    Duration deleteAfter();

    /** Owners are warned this long before their demo is archived. */
    @WithDefault("7d")
    Duration warnBefore();

    /** A temporary dataset, or the dataset a failed demo left behind, is dropped once this old. */
    @WithDefault("24h")
    Duration tempMaxAge();

    /** Datasets whose id starts with this are temporary. */
    @WithDefault("tmp_")
    String tempDatasetPrefix();

    /** Datasets whose id starts with this are template datasets: never archived, deleted or dropped. */
    @WithDefault("tmpl_")
    String templateDatasetPrefix();

    /** Demos read per store query, so a run never holds more than one page in memory. */
    @WithDefault("500")
    int pageSize();

    /**
     * A run recorded as running that has not finished this long after it started is marked abandoned by the next run
     * (its process was stopped mid-run). Longer than any run takes: a cleanup pages through its demos.
     */
    @WithDefault("30m")
    Duration runTimeout();

    Cron cron();

    RetryWindow retryWindow();

    /**
     * How long after a job is created its queue may still deliver it. Past this a queued job, or a running one whose
     * worker stopped renewing its lease, will never be delivered again (the queue dead-lettered or dropped it), so
     * cleanup fails it and its demo and frees its pipeline lock.
     */
    interface RetryWindow {
        /**
         * The quick queue (Pub/Sub provision-jobs: quick and clone jobs). Its push subscription tries 5 times with an
         * ack deadline of at most 120 s and backoff of at most 600 s (pubsub.tf): under 1 h, doubled for slack.
         */
        @WithDefault("2h")
        Duration quick();

        /**
         * The custom queue (Cloud Tasks custom-provision: custom demos and pipeline runs). 3 attempts with dispatch
         * deadlines of at most 30 min and backoff from 60 s (tasks.tf), plus time waiting behind the queue's rate
         * and concurrency limits.
         */
        @WithDefault("6h")
        Duration custom();
    }

    /** The unit costs behind the monthly estimate export-metrics records (docs/cost.md has the arithmetic). */
    Cost cost();

    interface Cost {
        /**
         * What the platform costs a month whatever it holds, in US dollars: alert conditions, uptime check, KMS key
         * versions, the admin-token secret, images, template objects (docs/cost.md, "fixed").
         */
        @WithDefault("15.00")
        double fixedMonthlyUsd();

        /** BigQuery storage of one demo with generated (custom) data, in GiB; template demos are zero-copy clones. */
        @WithDefault("0.03")
        double generatedDemoGib();

        /** BigQuery logical storage per GiB and month (active rate; tables untouched 90 days cost half). */
        @WithDefault("0.02")
        double storageUsdPerGibMonth();
    }

    /** The local schedule (quarkus-scheduler, UTC); in gcp mode Cloud Scheduler calls the endpoints instead. */
    interface Cron {
        /** Whether the in-process crons run; unset = only in platform.mode=local. */
        Optional<Boolean> enabled();

        @WithDefault("0 0 2 * * ?")
        String cleanup();

        @WithDefault("0 0 9 * * ?")
        String warnings();

        @WithDefault("0 0 0 * * ?")
        String metrics();
    }
}
