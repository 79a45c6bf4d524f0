package com.planledger.app.config;

import com.planledger.query.admin.ProjectionAdmin;
import com.planledger.query.admin.ProjectionAdmin.DeadLetters;
import com.planledger.query.admin.ProjectionAdmin.ProjectionStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Health tells a stalled read model apart from one with a partner's events parked. */
class ProjectionHealthTest {

    private final ProjectionAdmin admin = mock(ProjectionAdmin.class);

    private ProjectionHealth health() {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("admin", admin);
        return new ProjectionHealth(beans.getBeanProvider(ProjectionAdmin.class), new SimpleMeterRegistry());
    }

    private static ProjectionStatus status(String name, String state, long parked) {
        return new ProjectionStatus(name, state, false, 10L, 12L, 2L, null, List.of(name), List.of(),
                new DeadLetters(parked == 0 ? 0 : 1, parked), 0, null);
    }

    @Test
    void running_read_models_are_up_even_with_parked_events_and_one_in_error_is_out_of_service() {
        when(admin.all()).thenReturn(List.of(status("customers", "RUNNING", 0), status("plan-catalog", "RUNNING", 3)));
        Health up = health().health();
        assertThat(up.getStatus()).isEqualTo(Status.UP);
        assertThat(up.getDetails().get("plan-catalog").toString()).contains("parkedEvents=3");

        when(admin.all()).thenReturn(List.of(status("customers", "ERROR", 0), status("plan-catalog", "RUNNING", 0)));
        Health stalled = health().health();
        assertThat(stalled.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(stalled.getDetails().get("customers").toString()).contains("status=ERROR");

        when(admin.all()).thenReturn(List.of(status("customers", "STOPPED", 0)));
        assertThat(health().health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    }

    @Test
    void an_instance_without_read_models_is_up() {
        ProjectionHealth none = new ProjectionHealth(new DefaultListableBeanFactory()
                .getBeanProvider(ProjectionAdmin.class), new SimpleMeterRegistry());
        assertThat(none.health().getStatus()).isEqualTo(Status.UP);
    }
}
