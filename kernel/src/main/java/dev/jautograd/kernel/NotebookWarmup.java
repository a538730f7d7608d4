package dev.jautograd.kernel;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.jautograd.kernel.display.MimeBundle;
import dev.jautograd.kernel.session.JShellSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code --warmup NOTEBOOK.ipynb...}: runs each notebook's code cells in a fresh session, values
 * and displays rendered as in a kernel (into nothing), so the training run of install.sh's
 * class-data-sharing archive loads and links what a student's first Run All uses: JShell and
 * javac, the library's paths the notebooks take, the renderers.
 * A cell that fails is skipped: the notebook is training material, not a test.
 */
final class NotebookWarmup {
    private NotebookWarmup() {
    }

    static void run(List<Path> notebooks) throws IOException {
        Jupyter.attach(new Jupyter.Target() {
            @Override
            public void display(MimeBundle bundle, String displayId) {
            }

            @Override
            public void update(MimeBundle bundle, String displayId) {
            }

            @Override
            public void clearOutput(boolean wait) {
            }
        });
        try {
            for (var notebook : notebooks) {
                runCells(codeCells(notebook));
            }
        } finally {
            Jupyter.attach(null);
        }
    }

    private static void runCells(List<String> cells) {
        try (var session = JShellSession.start()) {
            Main.registerGraphs(CompletableFuture.completedFuture(session)); // graphs name this session's tensors
            int count = 0;
            for (var cell : cells) {
                var result = session.execute(cell, ++count);
                if (result.hasValue()) {
                    Jupyter.registry().render(result.value(), result.valueText());
                }
            }
        }
    }

    /** The sources of a notebook's code cells; magics (%...) are left out. */
    static List<String> codeCells(Path notebook) throws IOException {
        var cells = new ArrayList<String>();
        for (JsonElement cell : JsonParser.parseString(Files.readString(notebook)).getAsJsonObject().getAsJsonArray("cells")) {
            var object = cell.getAsJsonObject();
            if (!"code".equals(object.get("cell_type").getAsString())) {
                continue;
            }
            var source = object.get("source");
            var text = new StringBuilder();
            if (source.isJsonArray()) {
                source.getAsJsonArray().forEach(line -> text.append(line.getAsString()));
            } else {
                text.append(source.getAsString());
            }
            if (!text.toString().stripLeading().startsWith("%")) {
                cells.add(text.toString());
            }
        }
        return cells;
    }
}
