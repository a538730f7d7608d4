"""Writes notebooks/training.ipynb (Java, jautograd) and notebooks/reference/training-pytorch.ipynb
(the same steps in PyTorch), cell by cell side by side, then runs the PyTorch one with Debian's
python3-torch so its outputs are the reference the Java notebook's losses are tested against
(kernel/src/test/python/test_training_notebook.py).

    /usr/bin/python3 notebooks/reference/make_training_notebooks.py
"""
import pathlib

import nbclient
import nbformat

HERE = pathlib.Path(__file__).resolve().parent
JAVA = HERE.parent / "training.ipynb"
TORCH = HERE / "training-pytorch.ipynb"

STEPS = 300
LR = 0.5

# (markdown, java, python): one row per step of the lesson.
CELLS = [
    ("# Training a small network\n\n"
     "Two moons, a two-layer network, plain SGD: the data, the training with a progress bar and a live "
     "loss curve, the decision boundary the network learned, and its computation graph. "
     "`reference/training-pytorch.ipynb` is the same notebook in PyTorch; the losses printed here are "
     "the ones printed there.",
     "import dev.jautograd.nn.*;\nimport dev.jautograd.optim.*;",
     "import math\nimport torch\nimport torch.nn.functional as F\nimport matplotlib.pyplot as plt"),
    ("## The data: two moons\n\n"
     "200 points on two interleaved half circles (as scikit-learn's `make_moons`), with a little noise, "
     "drawn from the seeded generator: the same seed gives the same points as in PyTorch.",
     "Torch.manualSeed(0);\n"
     "int n = 200;\n"
     "var t = Torch.rand(n).mul(Math.PI);\n"
     "// side is 0 for the first moon, 1 for the second; sign flips the second moon over.\n"
     "double[] sideValues = new double[n];\n"
     "long[] labelValues = new long[n];\n"
     "for (int i = n / 2; i < n; i++) { sideValues[i] = 1; labelValues[i] = 1; }\n"
     "var side = Torch.tensor(sideValues);\n"
     "var sign = side.mul(-2).add(1);\n"
     "var x0 = side.add(sign.mul(t.cos()));\n"
     "var x1 = side.mul(0.5).add(sign.mul(t.sin()));\n"
     "// torch.stack([x0, x1], dim=1), written with broadcasting: each column times its unit vector.\n"
     "var X = x0.unsqueeze(1).mul(Torch.tensor(new double[] {1, 0}))\n"
     "        .add(x1.unsqueeze(1).mul(Torch.tensor(new double[] {0, 1})))\n"
     "        .add(Torch.randn(n, 2).mul(0.1));\n"
     "var y = Torch.tensor(labelValues);\n"
     "Arrays.toString(X.shape())",
     "torch.manual_seed(0)\n"
     "n = 200\n"
     "t = torch.rand(n) * math.pi\n"
     "side = torch.tensor([0.0] * (n // 2) + [1.0] * (n // 2))\n"
     "sign = side * -2 + 1\n"
     "x0 = side + sign * t.cos()\n"
     "x1 = side * 0.5 + sign * t.sin()\n"
     "X = torch.stack([x0, x1], dim=1) + torch.randn(n, 2) * 0.1\n"
     "y = torch.tensor([0] * (n // 2) + [1] * (n // 2))\n"
     "X.shape"),
    (None,
     "Plot.scatter(X, y).title(\"two moons\")",
     "plt.scatter(X[:, 0], X[:, 1], c=y, cmap='tab10', vmax=9, s=12)\nplt.title('two moons')\nplt.show()"),
    ("## The model\n\n"
     "Two linear layers with a tanh between them: 2 inputs, 16 hidden units, 2 class scores.",
     "var l1 = new Linear(2, 16);\n"
     "var l2 = new Linear(16, 2);\n"
     "java.util.function.Function<Tensor, Tensor> model = x -> l2.forward(l1.forward(x).tanh());\n"
     "var params = new ArrayList<Tensor>(l1.parameters());\n"
     "params.addAll(l2.parameters());\n"
     f"var opt = new SGD(params, {LR});",
     "l1 = torch.nn.Linear(2, 16)\n"
     "l2 = torch.nn.Linear(16, 2)\n"
     "model = lambda x: l2(torch.tanh(l1(x)))\n"
     f"opt = torch.optim.SGD(list(l1.parameters()) + list(l2.parameters()), lr={LR})"),
    ("## Training\n\n"
     "Full-batch gradient descent on the cross-entropy loss. The progress bar and the loss curve "
     "update in place while the loop runs; every 50 steps the loss is printed.",
     "var curve = LivePlot.live(p -> p.xlabel(\"step\").ylabel(\"loss\").logY());\n"
     f"var bar = progress({STEPS}).desc(\"training\");\n"
     "Tensor loss = null;\n"
     "for (int step : bar) {\n"
     "    loss = Functional.crossEntropy(model.apply(X), y);\n"
     "    opt.zeroGrad();\n"
     "    loss.backward();\n"
     "    opt.step();\n"
     "    bar.set(\"loss\", loss.item());\n"
     "    curve.add(\"loss\", step, loss.item());\n"
     "    if (step % 50 == 0) {\n"
     "        System.out.printf(\"step %3d  loss %.4f%n\", step, loss.item());\n"
     "    }\n"
     "}\n"
     "curve.close();\n"
     "System.out.printf(\"final loss %.4f%n\", loss.item());",
     f"for step in range({STEPS}):\n"
     "    loss = F.cross_entropy(model(X), y)\n"
     "    opt.zero_grad()\n"
     "    loss.backward()\n"
     "    opt.step()\n"
     "    if step % 50 == 0:\n"
     "        print(f'step {step:3d}  loss {loss.item():.4f}')\n"
     "print(f'final loss {loss.item():.4f}')"),
    ("## What the network learned\n\n"
     "Each point of the plane coloured by the class the network predicts there, paler where it is "
     "less sure, with the data on top.",
     "Plot.decisionBoundary(model, X, y).title(\"decision boundary\")",
     "xx, yy = torch.meshgrid(torch.linspace(-1.5, 2.5, 150), torch.linspace(-1, 1.5, 150), indexing='xy')\n"
     "with torch.no_grad():\n"
     "    p = model(torch.stack([xx.flatten(), yy.flatten()], dim=1)).softmax(1)[:, 1].reshape(xx.shape)\n"
     "plt.contourf(xx, yy, p, levels=10, cmap='RdBu_r', alpha=0.6)\n"
     "plt.scatter(X[:, 0], X[:, 1], c=y, cmap='tab10', vmax=9, s=12)\n"
     "plt.title('decision boundary')\nplt.show()"),
    (None,
     "var correct = model.apply(X).argmax(1).eq(y).sum().item();\n"
     "System.out.printf(\"accuracy %.3f%n\", correct / n);",
     "correct = (model(X).argmax(1) == y).sum().item()\nprint(f'accuracy {correct / n:.3f}')"),
    ("## The computation graph of the loss\n\n"
     "The last step's loss, back through the two layers to the parameters.",
     "Viz.makeDot(loss)",
     "loss.grad_fn"),
]


def notebook(language):
    nb = nbformat.v4.new_notebook()
    for markdown, java, python in CELLS:
        if markdown:
            nb.cells.append(nbformat.v4.new_markdown_cell(markdown))
        nb.cells.append(nbformat.v4.new_code_cell(java if language == "java" else python))
    if language == "java":
        nb.metadata = {
            "kernelspec": {"display_name": "Java (autograd)", "language": "java", "name": "java-autograd"},
            "language_info": {"codemirror_mode": "text/x-java", "file_extension": ".jshell",
                              "mimetype": "text/x-java-source", "name": "java", "pygments_lexer": "java"}}
    else:
        nb.metadata = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                       "language_info": {"name": "python"}}
    return nb


def main():
    nbformat.write(notebook("java"), JAVA)
    reference = notebook("python")
    nbclient.NotebookClient(reference, timeout=600, kernel_name="python3").execute()
    nbformat.write(reference, TORCH)
    print(f"wrote {JAVA} and {TORCH}")


if __name__ == "__main__":
    main()
