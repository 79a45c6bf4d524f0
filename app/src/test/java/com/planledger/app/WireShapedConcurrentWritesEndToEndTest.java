package com.planledger.app;

import org.springframework.context.annotation.Import;

/**
 * {@link ConcurrentWritesEndToEndTest} with every command and its result crossing the wire as behind Axon Server
 * ({@link WireShapedCommandBus}).
 */
@Import(WireShapedCommandBus.Configuration.class)
class WireShapedConcurrentWritesEndToEndTest extends ConcurrentWritesEndToEndTest {
}
