/**
 * JMH benchmarks of the hot paths. Run with {@code java -jar bench/target/benchmarks.jar}; figures
 * go to docs/performance.md with the machine and the date.
 */
package io.filnode.bench;
