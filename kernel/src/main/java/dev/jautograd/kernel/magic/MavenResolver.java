package dev.jautograd.kernel.magic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * Maven's own resolver, as {@code mvn} resolves: an artifact and its runtime dependencies, from
 * Maven Central (or the repositories given), into the local repository ({@code ~/.m2/repository},
 * or {@code -Dmaven.repo.local}), where the next resolution finds them without the network.
 */
final class MavenResolver {
    static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    private final RepositorySystem system = new RepositorySystemSupplier().get();
    private final Path localRepository = Path.of(System.getProperty("maven.repo.local",
            System.getProperty("user.home") + "/.m2/repository"));

    Path localRepository() {
        return localRepository;
    }

    /** The jars of {@code coordinates} and everything they need at run time, in resolution order. */
    List<Path> resolve(List<String> coordinates, List<String> repositoryUrls) throws MagicError {
        var collect = new CollectRequest();
        try {
            for (String coordinate : coordinates) {
                collect.addDependency(new Dependency(new DefaultArtifact(coordinate), JavaScopes.RUNTIME));
            }
        } catch (IllegalArgumentException e) {
            throw MagicError.usage(e.getMessage());
        }
        var urls = repositoryUrls.isEmpty() ? List.of(CENTRAL) : repositoryUrls;
        for (int i = 0; i < urls.size(); i++) {
            String id = urls.get(i).equals(CENTRAL) ? "central" : "repo" + (i + 1);
            collect.addRepository(new RemoteRepository.Builder(id, "default", urls.get(i)).build());
        }
        var request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
        try (var session = new SessionBuilderSupplier(system).get()
                .withLocalRepositoryBaseDirectories(localRepository)
                .build()) {
            var jars = new ArrayList<Path>();
            for (ArtifactResult result : system.resolveDependencies(session, request).getArtifactResults()) {
                jars.add(result.getArtifact().getPath());
            }
            return jars;
        } catch (DependencyResolutionException e) {
            throw new MagicError("DependencyResolutionException", firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        return message == null ? "resolution failed" : message.strip().split("\n")[0];
    }
}
