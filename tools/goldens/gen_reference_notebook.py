"""Regenerates the PyTorch reference notebook (autograd-pytorch.ipynb) from the seed text.

The seed (seed-autograd-notebook.txt, a notebook pasted as text: markdown, `In [N]:` code and
the outputs PyTorch printed on some machine) becomes a notebook of its markdown and code cells;
one `torch.manual_seed(0)` cell goes before the first random draw so the random values can be
compared across runs. It is then executed with Debian's python3-torch on ipykernel (nbclient),
so every output is PyTorch 1.13's own. The seed's printed outputs are dropped: they came from an
unseeded run.

    /usr/bin/python3 tools/goldens/gen_reference_notebook.py
"""
import pathlib
import re
import sys

import nbclient
import nbformat

HERE = pathlib.Path(__file__).resolve().parent
REFERENCE = HERE.parents[1] / "autograd-core" / "src" / "test" / "resources" / "reference"
SEED = REFERENCE / "seed-autograd-notebook.txt"
OUT = REFERENCE / "autograd-pytorch.ipynb"
SEED_CELL = "torch.manual_seed(0)  # added so that the random values can be compared across runs"
PROMPT = re.compile(r"^In \[\d+\]:$", re.M)


def paragraphs(text):
    return [p for p in re.split(r"\n\s*\n", text.strip("\n")) if p.strip()]


def cells_of(seed):
    """(kind, source) in order. A block after a prompt is its code paragraph, then what it printed
    (paragraphs not starting with '#'), then markdown (from the first '#' paragraph on)."""
    head, *blocks = PROMPT.split(seed)
    cells = [("markdown", "\n\n".join(paragraphs(head)))] if head.strip() else []
    for block in blocks:
        code, *rest = paragraphs(block)
        cells.append(("code", code))
        markdown = next((i for i, p in enumerate(rest) if p.startswith("#")), None)
        if markdown is not None:
            cells.append(("markdown", "\n\n".join(rest[markdown:])))
    return cells


def notebook_of(cells):
    notebook = nbformat.v4.new_notebook()
    for kind, source in cells:
        if kind == "code" and "torch.randn" in source and SEED_CELL not in [c.source for c in notebook.cells]:
            notebook.cells.append(nbformat.v4.new_code_cell(SEED_CELL))
        make = nbformat.v4.new_code_cell if kind == "code" else nbformat.v4.new_markdown_cell
        notebook.cells.append(make(source))
    notebook.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    return notebook


def main():
    notebook = notebook_of(cells_of(SEED.read_text()))
    nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3").execute()
    for number, cell in enumerate(notebook.cells):  # stable ids, no timestamps: reruns diff clean
        cell.id = f"cell-{number}"
        cell.metadata.pop("execution", None)
    import torch  # noqa: F401  (only to record the version that produced the outputs)
    notebook.metadata["generated_by"] = f"tools/goldens/gen_reference_notebook.py with torch {torch.__version__}"
    nbformat.write(notebook, OUT)
    print(f"wrote {OUT} ({len(notebook.cells)} cells)", file=sys.stderr)


if __name__ == "__main__":
    main()
