"""A kernel reached the way the notebook page reaches it through JupyterHub: created with the
server's REST API and driven over its websocket (/user/<name>/api/kernels/<id>/channels), with
the student's token. Outputs come back as nbformat outputs (nbformat.v4.output_from_msg), so
they compare like cells run by nbclient.
"""
import datetime
import json
import time
import uuid

import nbformat
import websocket

import hub_harness


class KernelChannel:
    def __init__(self, hub, student, kernel_name, startup_timeout=90):
        self.base = f"{hub.url}/user/{student.name}/api/kernels"
        self.token = student.token
        self.session = uuid.uuid4().hex
        self.username = student.name
        status, body = hub_harness.http("POST", self.base, self.token, {"name": kernel_name}, timeout=60)
        if status != 201:
            # The server's traceback ends with the cause (NoSuchKernel, PermissionError, ...).
            cause = body.get("traceback", "").strip().splitlines()[-1:] if isinstance(body, dict) else body
            raise AssertionError(f"starting kernel {kernel_name} for {student.name}: HTTP {status} {cause}")
        self.kernel_id = body["id"]
        url = self.base.replace("http://", "ws://", 1) + f"/{self.kernel_id}/channels?session_id={self.session}"
        self.ws = websocket.create_connection(url, header=["Authorization: token " + self.token],
                                              timeout=startup_timeout)
        self.request("kernel_info_request", {}, timeout=startup_timeout)

    def _send(self, msg_type, content):
        msg_id = uuid.uuid4().hex
        self.ws.send(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": msg_type, "username": self.username,
                       "session": self.session, "version": "5.3",
                       "date": datetime.datetime.now(datetime.timezone.utc).isoformat()},
            "parent_header": {}, "metadata": {}, "content": content, "channel": "shell", "buffers": []}))
        return msg_id

    def _messages(self, msg_id, timeout):
        """Messages answering msg_id until the deadline; others (e.g. the server's own
        kernel_info on connect, status of other requests) are skipped."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no answer to {msg_id} within {timeout} s")
            self.ws.settimeout(left)
            msg = json.loads(self.ws.recv())
            if msg.get("parent_header", {}).get("msg_id") == msg_id:
                yield msg

    def request(self, msg_type, content, timeout):
        msg_id = self._send(msg_type, content)
        for msg in self._messages(msg_id, timeout):
            if msg["channel"] == "shell":
                return msg["content"]

    def execute(self, code, timeout=120, on_output=None):
        """(execute_reply content, outputs) once the reply and the idle status have both come;
        on_output(output) is called as each output arrives."""
        msg_id = self._send("execute_request", {"code": code, "silent": False, "store_history": True,
                                                "user_expressions": {}, "allow_stdin": False,
                                                "stop_on_error": True})
        outputs, reply, idle = [], None, False
        for msg in self._messages(msg_id, timeout):
            kind = msg["header"]["msg_type"]
            if msg["channel"] == "shell":
                reply = msg["content"]
            elif kind == "status":
                idle = msg["content"]["execution_state"] == "idle"
            elif kind == "clear_output":
                outputs.clear()
            elif kind in ("stream", "display_data", "execute_result", "error"):
                outputs.append(nbformat.v4.output_from_msg(msg))
                if on_output:
                    on_output(outputs[-1])
            if reply is not None and idle:
                return reply, outputs

    def run_notebook(self, notebook, timeout):
        """Executes every code cell in order, filling in its outputs as Run All does, all within
        timeout seconds; stops at the first failing cell."""
        deadline = time.monotonic() + timeout
        for cell in notebook.cells:
            if cell.cell_type == "code":
                reply, cell.outputs = self.execute(cell.source, max(1.0, deadline - time.monotonic()))
                if reply["status"] != "ok":
                    break
        return notebook

    def post(self, action):
        """What the page's Kernel menu does: action is "interrupt" or "restart"; the HTTP status."""
        return hub_harness.http("POST", f"{self.base}/{self.kernel_id}/{action}", self.token, {}, timeout=90)[0]

    def close(self, shutdown=True):
        """Closes the websocket, as closing the tab does; with shutdown, also shuts the kernel
        down (Close and Halt)."""
        try:
            self.ws.close()
        finally:
            if shutdown:
                hub_harness.http("DELETE", f"{self.base}/{self.kernel_id}", self.token, timeout=30)
