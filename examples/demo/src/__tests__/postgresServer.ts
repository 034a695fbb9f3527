// The demo's globalSetup is the collector's: one embedded PostgreSQL for the run.
export { default } from "@klynge/example-collector/testing/postgresServer";
