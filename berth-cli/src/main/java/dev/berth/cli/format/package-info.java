/**
 * Output formatting for the {@code berth} CLI, as the docker CLI prints it: a Go
 * {@code text/template} interpreter ({@link dev.berth.cli.format.GoTemplate}) over Jackson
 * trees, Go's {@code tabwriter} alignment ({@link dev.berth.cli.format.TableWriter}), and the
 * {@code --format} keywords, default tables and row fields of {@code ps} and {@code images}
 * ({@link dev.berth.cli.format.OutputFormat}, {@link dev.berth.cli.format.ContainerRows},
 * {@link dev.berth.cli.format.ImageRows}).
 *
 * <p>Pure text in, text out: no I/O, no API client, no picocli. Depends only on Jackson and
 * {@code dev.berth.api.units}.
 */
package dev.berth.cli.format;
