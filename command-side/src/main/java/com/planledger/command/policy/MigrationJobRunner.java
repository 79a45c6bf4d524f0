package com.planledger.command.policy;

import com.mongodb.client.MongoDatabase;
import com.planledger.command.web.AggregateKind;
import com.planledger.command.web.CommandDispatcher;
import com.planledger.domain.customer.MigrateSubscriptionCommand;
import com.planledger.domain.customer.MigrationOutcome;
import com.planledger.domain.plan.MigrationEffective;
import com.planledger.domain.plan.PlanName;
import com.planledger.domain.plan.PlanTerms;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * Carries out subscriber migration jobs: for each customer of the plan on an older revision, one
 * {@link MigrateSubscriptionCommand} (so one event per customer), recording each outcome in the job. Resumes after
 * a restart from the last customer handled; with several instances a lease lets one run jobs at a time.
 */
@Component
public class MigrationJobRunner extends LeasedPoller {

    private static final Logger log = LoggerFactory.getLogger(MigrationJobRunner.class);
    private static final int BATCH = 100;

    private final MigrationJobs jobs;
    private final CommandDispatcher commands;

    public MigrationJobRunner(MigrationJobs jobs, CommandDispatcher commands, MongoDatabase database,
                              @Value("${planledger.migrations.poll-interval:PT1S}") Duration interval) {
        super("subscriber-migrations", database, interval, interval.multipliedBy(3).plusSeconds(30), true);
        this.jobs = jobs;
        this.commands = commands;
    }

    @Override
    protected void poll() {
        runOnce();
    }

    /** Works on the open jobs (one batch each) if this instance holds the lease. */
    public synchronized void runOnce() {
        if (!lease.acquire()) {
            return;
        }
        for (Document job : jobs.open()) {
            jobs.running(job);
            List<Document> batch = jobs.nextCandidates(job, BATCH);
            if (batch.isEmpty()) {
                jobs.completed(job);
                log.info("Subscriber migration {} of plan {} completed", job.getString("jobId"),
                        job.getString("planId"));
                continue;
            }
            MigrateSubscriptionCommandTemplate template = template(job);
            for (Document customer : batch) {
                String key = customer.getString("_id");
                try {
                    MigrationOutcome outcome = commands.send(template.forCustomer(customer.getString("customerId")),
                            MetaData.emptyInstance(), AggregateKind.CUSTOMER);
                    jobs.handled(job, key, outcome);
                } catch (RuntimeException e) {
                    log.warn("Subscriber migration {}: customer {} failed: {}", job.getString("jobId"),
                            customer.getString("customerId"), e.getMessage());
                    jobs.failed(job, key);
                }
                job.put("lastCustomer", key);
            }
        }
    }

    /** The target terms are those the request recorded (the plan's latest revision when it was requested). */
    private static MigrateSubscriptionCommandTemplate template(Document job) {
        return new MigrateSubscriptionCommandTemplate(job.getString("partnerId"), job.getString("planId"),
                job.getInteger("toRevision"), PlanName.of(job.getString("planName")), job.getString("jobId"),
                MigrationEffective.valueOf(job.getString("effective")), MigrationJobs.terms(job));
    }

    private record MigrateSubscriptionCommandTemplate(String partnerId, String planId, int toRevision,
                                                      PlanName planName, String jobId,
                                                      MigrationEffective effective,
                                                      PlanTerms terms) {
        MigrateSubscriptionCommand forCustomer(String customerId) {
            return new MigrateSubscriptionCommand(partnerId, customerId, planId, toRevision, planName, terms,
                    effective, jobId);
        }
    }
}
