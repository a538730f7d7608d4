package dev.jautograd.kernel.session;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/** Compiles test sources to class files in memory, as JShell hands them to the loader: binary name to bytes. */
final class InMemoryJavac {
    private InMemoryJavac() {
    }

    /** Sources by binary name of their top-level class; every class produced, nested ones included. */
    static Map<String, byte[]> compile(Map<String, String> sources) {
        var javac = ToolProvider.getSystemJavaCompiler();
        var out = new TreeMap<String, ByteArrayOutputStream>();
        var files = new ArrayList<JavaFileObject>();
        sources.forEach((name, code) -> files.add(new SimpleJavaFileObject(
                URI.create("string:///" + name.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        }));
        var manager = new ForwardingJavaFileManager<JavaFileManager>(javac.getStandardFileManager(null, null, null)) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String name, JavaFileObject.Kind kind,
                    FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + name.replace('.', '/') + ".class"), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return out.computeIfAbsent(name, n -> new ByteArrayOutputStream());
                    }
                };
            }
        };
        if (!javac.getTask(null, manager, null, List.of("--release", "17"), null, files).call()) {
            throw new IllegalStateException("test sources do not compile");
        }
        var classes = new TreeMap<String, byte[]>();
        out.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        return classes;
    }
}
