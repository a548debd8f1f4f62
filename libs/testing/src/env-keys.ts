/** Where the global setup leaves the servers it found or started, for the test workers to read. */
export const TEST_POSTGRES_URL = 'CB_TEST_POSTGRES_URL';
export const TEST_NATS_URL = 'CB_TEST_NATS_URL';
