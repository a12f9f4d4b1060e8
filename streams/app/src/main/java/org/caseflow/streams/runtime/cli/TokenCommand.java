package org.caseflow.streams.runtime.cli;

import org.caseflow.streams.runtime.config.DiskSeedFiles;
import org.caseflow.streams.runtime.config.SeedsLocation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.caseflow.streams.domain.courts.CourtRegistry;
import org.caseflow.streams.runtime.config.ApiTokens;
import org.caseflow.streams.runtime.config.NearestName;
import org.caseflow.streams.runtime.config.TokenHash;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code caseflow token new|hash}: makes API tokens and the {@code caseflow.api.tokens} entries that hold their salted
 * hashes (docs/security.md). The token is printed once and stored nowhere; the entry is what the configuration keeps.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Make API tokens and the caseflow.api.tokens entries holding their salted hashes.",
        subcommands = {TokenCommand.New.class, TokenCommand.Hash.class})
public final class TokenCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: new or hash");
    }

    /** What both subcommands take: the scopes and the expiry of the entry. */
    static class EntryOptions {
        @Option(names = "--court", paramLabel = "CODE", description = "A court the token may read, with every court below it"
                + " in seeds/courts (repeatable); '*' = every court.")
        List<String> courts = new ArrayList<>();

        @Option(names = "--metrics", description = "The token may also read /metrics.")
        boolean metrics;

        @Option(names = "--expires", paramLabel = "WHEN", description = "ISO date (UTC midnight) or instant after which the"
                + " token is refused.")
        String expires;

        @Option(names = "--seeds", paramLabel = "DIR", description = "Seeds whose courts the scopes are checked against"
                + " (default: the launcher's seeds).")
        Path seeds;

        List<String> scopes(CommandSpec spec) {
            List<String> scopes = new ArrayList<>();
            List<String> known = courtCodes(spec);
            for (String court : courts) {
                String code = court.trim();
                if (!code.equals(ApiTokens.ALL_COURTS) && !known.contains(code)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--court: unknown court '" + code + "'"
                            + NearestName.to(code, known).map(n -> "; did you mean " + n + "?").orElse(""));
                }
                scopes.add(code);
            }
            if (metrics) {
                scopes.add(ApiTokens.METRICS_SCOPE);
            }
            if (scopes.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "give at least one --court (or --metrics)");
            }
            return scopes;
        }

        String expiry(CommandSpec spec) {
            if (expires == null) {
                return "";
            }
            try {
                Instant when = expires.length() == 10 ? LocalDate.parse(expires).atStartOfDay(ZoneOffset.UTC).toInstant()
                        : Instant.parse(expires);
                return ":" + when;
            } catch (DateTimeParseException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--expires: ISO date or instant, got '" + expires + "'");
            }
        }

        private List<String> courtCodes(CommandSpec spec) {
            Path root = seeds == null ? SeedsLocation.defaultRoot() : seeds;
            if (!Files.isDirectory(root.resolve("courts"))) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--seeds: no courts folder in " + root);
            }
            return CourtRegistry.load(root.resolve("courts"), DiskSeedFiles.INSTANCE).all().stream()
                    .map(c -> c.code().value()).toList();
        }
    }

    @Command(name = "new", mixinStandardHelpOptions = true,
            description = {"Print a fresh random token (line 1) and its caseflow.api.tokens entry (line 2).",
                "Give the token to its user; put the entry in the configuration (entries are joined with ';')."})
    static final class New implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @CommandLine.Mixin
        EntryOptions entry = new EntryOptions();

        @Override
        public Integer call() {
            List<String> scopes = entry.scopes(spec);
            String expiry = entry.expiry(spec);
            String token = TokenHash.newToken();
            PrintWriter out = spec.commandLine().getOut();
            out.println(token);
            out.println(TokenHash.of(token).written() + ":" + String.join(",", scopes) + expiry);
            out.flush();
            return CaseflowCli.EXIT_OK;
        }
    }

    @Command(name = "hash", mixinStandardHelpOptions = true,
            description = {"Read a token from standard input (first line) and print its caseflow.api.tokens entry.",
                "Without --court/--metrics prints the hash alone. Never pass a token as an argument: it would land in"
                    + " the shell history and the process list."})
    static final class Hash implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @CommandLine.Mixin
        EntryOptions entry = new EntryOptions();

        @Override
        public Integer call() throws IOException {
            String token = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (token == null || token.trim().length() < 16) {
                spec.commandLine().getErr().println("caseflow token hash: read no token of 16 characters or more from"
                        + " standard input");
                return CaseflowCli.EXIT_BAD_INPUT;
            }
            boolean scoped = !entry.courts.isEmpty() || entry.metrics;
            String line = TokenHash.of(token.trim()).written();
            if (scoped) {
                line += ":" + String.join(",", entry.scopes(spec)) + entry.expiry(spec);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(line);
            out.flush();
            return CaseflowCli.EXIT_OK;
        }
    }
}
