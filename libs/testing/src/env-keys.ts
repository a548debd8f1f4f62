/** Where the global setup leaves the servers it found or started, for the test workers to read. */
export const TEST_POSTGRES_URL = 'CB_TEST_POSTGRES_URL';
export const TEST_NATS_URL = 'CB_TEST_NATS_URL';
/**
 * A tag of this jest run, part of every uniqueName: the teardown removes the JetStream streams that
 * carry it, and only those (a platform or another run on the same server keeps its own).
 */
export const TEST_RUN_TAG = 'CB_TEST_RUN_TAG';
