package dev.jautograd.kernel.magic;

import dev.jautograd.kernel.session.CellResult;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code %classpath} and {@code %maven}: what cells compile against and load, and adding to it. */
final class ClasspathMagics {
    private final Interpreter shell;
    private final Set<String> added = new LinkedHashSet<>();
    private MavenResolver resolver;

    ClasspathMagics(Interpreter shell) {
        this.shell = shell;
    }

    CellResult classpath(String args, int count) throws MagicError {
        if (args.isEmpty()) {
            var all = new ArrayList<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
            all.addAll(added);
            System.out.println(String.join("\n", all));
            return nothing();
        }
        var paths = new ArrayList<Path>();
        for (String entry : args.split("\\s+|" + File.pathSeparator)) {
            Path path = Path.of(entry.startsWith("~/") ? System.getProperty("user.home") + entry.substring(1) : entry);
            if (!Files.exists(path)) {
                throw new MagicError("FileNotFoundError", "no such jar or folder: " + entry);
            }
            paths.add(path.toAbsolutePath());
        }
        add(paths);
        System.out.println("Added to the classpath: " + String.join(", ", paths.stream().map(Path::toString).toList()));
        return nothing();
    }

    /** {@code %maven [--repo URL ...] group:artifact:version ...}: resolves, then adds every jar. */
    CellResult maven(String args, int count) throws MagicError {
        var coordinates = new ArrayList<String>();
        var repositories = new ArrayList<String>();
        String[] words = args.isEmpty() ? new String[0] : args.split("\\s+");
        for (int i = 0; i < words.length; i++) {
            if (words[i].equals("--repo") && i + 1 < words.length) {
                repositories.add(words[++i]);
            } else if (words[i].startsWith("--repo=")) {
                repositories.add(words[i].substring("--repo=".length()));
            } else if (words[i].split(":").length >= 3 && !words[i].startsWith("-")) {
                coordinates.add(words[i]);
            } else {
                throw MagicError.usage("not a Maven coordinate: " + words[i] + " (write group:artifact:version)");
            }
        }
        if (coordinates.isEmpty()) {
            throw MagicError.usage("%maven group:artifact:version ... [--repo URL]");
        }
        if (resolver == null) {
            resolver = new MavenResolver();
        }
        List<Path> jars = resolver.resolve(coordinates, repositories);
        var fresh = jars.stream().filter(p -> !added.contains(p.toString())).toList();
        add(fresh);
        System.out.println("Added " + fresh.size() + " jar" + (fresh.size() == 1 ? "" : "s") + " from "
                + resolver.localRepository() + ": " + String.join(", ", jars.stream().map(p -> p.getFileName().toString()).toList()));
        return nothing();
    }

    private void add(List<Path> paths) {
        for (Path path : paths) {
            if (added.add(path.toString())) {
                shell.addToClasspath(path.toString());
            }
        }
    }

    private static CellResult nothing() {
        return new CellResult(false, null, null, null);
    }
}
