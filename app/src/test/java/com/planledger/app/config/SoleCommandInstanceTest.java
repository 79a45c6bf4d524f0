package com.planledger.app.config;

import org.axonframework.queryhandling.SimpleQueryBus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Command instances on embedded read stores find each other over the query bus (here Axon's own, which holds
 * the subscriptions of every instance as Axon Server's routing would): the first starts, a second refuses.
 */
class SoleCommandInstanceTest {

    @Test
    void the_first_command_instance_starts_and_a_second_one_refuses_saying_why() {
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        SoleCommandInstance first = new SoleCommandInstance(bus, 500);
        first.start();
        assertThat(first.isRunning()).isTrue();

        SoleCommandInstance second = new SoleCommandInstance(bus, 500);
        assertThatThrownBy(second::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another command instance with an embedded read store is running")
                .hasMessageContaining("planledger.read-store=mongodb");
        assertThat(second.isRunning()).isFalse();

        // once the first has stopped, a new instance starts
        first.stop();
        SoleCommandInstance third = new SoleCommandInstance(bus, 500);
        third.start();
        assertThat(third.isRunning()).isTrue();
        third.stop();
    }
}
