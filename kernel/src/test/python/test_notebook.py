"""Runs notebooks/autograd.ipynb on the kernel with nbclient and compares every code cell's
output text with the PyTorch reference notebook, cell by cell in order; then the same notebook
in its earlier Torch.-qualified spelling (kernel/src/test/resources/notebooks/), which must keep
working beside the short one (`tensor(...)`, `randn(10, 1)`, `print(...)`).

The reference is autograd-core/src/test/resources/reference/autograd-pytorch.ipynb (the one copy,
also read by SeedNotebookTest), made from the seed text beside it by
tools/goldens/gen_reference_notebook.py with Debian's PyTorch. Allowed differences: Java's `null` prints where Python prints `None`, and the
`torch.manual_seed` result (a Generator's address) is not compared.
"""
import pathlib
import unittest

import nbclient
import nbformat

import kernel_env

kernel_env.install()
NOTEBOOK = kernel_env.REPO_ROOT / "notebooks" / "autograd.ipynb"
REFERENCE = kernel_env.REPO_ROOT / "autograd-core" / "src" / "test" / "resources" / "reference" / "autograd-pytorch.ipynb"
QUALIFIED = kernel_env.REPO_ROOT / "kernel" / "src" / "test" / "resources" / "notebooks" / "autograd-qualified.ipynb"


def outputs_text(cell):
    """(kind, text) per output: stream text, or a result's / display's text/plain.

    Consecutive stream outputs are one text, as Jupyter shows them: where a kernel cuts a stream
    into messages depends on timing (a flush interval), not on the program."""
    texts = []
    for output in cell.get("outputs", []):
        if output["output_type"] == "stream":
            kind, text = "stream:" + output["name"], "".join(output["text"])
            if texts and texts[-1][0] == kind:
                text = texts.pop()[1] + text
            texts.append((kind, text))
        elif output["output_type"] in ("execute_result", "display_data"):
            texts.append((output["output_type"], "".join(output["data"].get("text/plain", ""))))
        elif output["output_type"] == "error":
            texts.append(("error", output["ename"] + ": " + output["evalue"]))
    return texts


def comparable(texts):
    # A Generator's repr is an object address in both languages: not a value to compare.
    return [(kind, text.replace("None", "null")) for kind, text in texts
            if not text.startswith(("<torch._C.Generator", "<dev.jautograd.random.Generator"))]


def assert_matches_reference(case, notebook):
    """Checks an executed copy of NOTEBOOK against the reference, cell by cell (one subTest each).
    test_jupyterhub checks the notebooks it runs through JupyterHub with this too."""
    case.assertTrue(REFERENCE.exists(), f"reference notebook missing: {REFERENCE}")
    reference = nbformat.read(REFERENCE, as_version=4)
    ours = [c for c in notebook.cells if c.cell_type == "code"]
    theirs = [c for c in reference.cells if c.cell_type == "code"]
    case.assertEqual(len(ours), len(theirs), "one Java code cell per Python code cell")
    case.assertEqual([c.source for c in notebook.cells if c.cell_type == "markdown"],
                     [c.source for c in reference.cells if c.cell_type == "markdown"])
    for number, (java, python) in enumerate(zip(ours, theirs), start=1):
        with case.subTest(cell=number, java=java.source, python=python.source):
            case.assertEqual(comparable(outputs_text(java)), comparable(outputs_text(python)))


class NotebookTest(unittest.TestCase):
    def test_notebook_outputs_match_pytorch(self):
        self.check_against_reference(NOTEBOOK)

    def test_torch_qualified_notebook_still_matches(self):
        self.check_against_reference(QUALIFIED)

    def check_against_reference(self, path):
        self.assertTrue(REFERENCE.exists(), f"reference notebook missing: {REFERENCE}")
        notebook = nbformat.read(path, as_version=4)
        self.assertEqual(notebook.metadata.kernelspec.name, kernel_env.KERNEL_NAME)
        nbclient.NotebookClient(notebook, timeout=120, kernel_name=kernel_env.KERNEL_NAME,
                                resources={"metadata": {"path": str(path.parent)}}).execute()
        assert_matches_reference(self, notebook)


if __name__ == "__main__":
    unittest.main()
