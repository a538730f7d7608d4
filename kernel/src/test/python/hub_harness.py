"""A real JupyterHub on 127.0.0.1 for test_jupyterhub: Debian's jupyterhub (3.0) as root with
configurable-http-proxy, PAM login for throwaway local users, LocalProcessSpawner starting
Debian's notebook 6 (jupyterhub-singleuser) as each user. Everything it starts or creates is
undone by close(), which is safe to call after any partial start.
"""
import json
import os
import pathlib
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

JUPYTERHUB = "/usr/bin/jupyterhub"
PROXY = "/usr/bin/configurable-http-proxy"
# Debian's proxy finds its own modules (commander, http-proxy, ...) only through NODE_PATH.
NODE_PATH = "/usr/share/nodejs"

CONFIG = """\
c = get_config()  # noqa
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {public_port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_api_port}"
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.ConfigurableHTTPProxy.pid_file = {proxy_pid!r}
c.JupyterHub.db_url = "sqlite:///" + {db!r}
c.JupyterHub.cookie_secret_file = {cookie!r}
c.JupyterHub.pid_file = {hub_pid!r}
c.JupyterHub.cleanup_servers = True
c.JupyterHub.authenticator_class = "pam"
# Opening a PAM session needs a login manager (systemd-logind), which a CI container lacks.
c.PAMAuthenticator.open_sessions = False
c.Authenticator.allowed_users = set({users!r})
c.JupyterHub.spawner_class = "localprocess"
c.Spawner.ip = "127.0.0.1"
c.Spawner.environment = {environment!r}
c.Spawner.start_timeout = 90
c.Spawner.http_timeout = 90
c.JupyterHub.services = [{{"name": "hub-test", "api_token": {admin_token!r}}}]
c.JupyterHub.load_roles = [{{"name": "hub-test-admin", "services": ["hub-test"],
                            "scopes": ["admin:users", "admin:servers", "list:users"]}}]
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(method, url, token=None, body=None, timeout=30):
    """(status, parsed JSON or None); HTTP errors are returned, not raised."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method)
    if token:
        request.add_header("Authorization", "token " + token)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, payload = response.status, response.read()
    except urllib.error.HTTPError as e:
        status, payload = e.code, e.read()
    try:
        return status, json.loads(payload) if payload else None
    except ValueError:
        return status, payload.decode(errors="replace")


def wait_until(what, condition, timeout, interval=0.5):
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what}: not within {timeout} s")
        time.sleep(interval)


class Student:
    """A throwaway local account with a home folder and a password (for PAM)."""

    def __init__(self, name):
        self.name = name
        self.password = secrets.token_urlsafe(12)
        self.token = self.uid = self.home = None

    def create(self):
        # Private homes, as a class needs (docs/kernel.md): with Debian's useradd defaults (umask
        # 022) a home is 0755 and every notebook saved in it (0644) is readable by every student.
        subprocess.run(["useradd", "--create-home", "--key", "HOME_MODE=0700", "--shell", "/bin/bash",
                        self.name], check=True, capture_output=True, timeout=30)
        subprocess.run(["chpasswd"], input=f"{self.name}:{self.password}\n", text=True,
                       check=True, capture_output=True, timeout=30)
        entry = pwd.getpwnam(self.name)
        self.uid, self.home = entry.pw_uid, entry.pw_dir

    def pids(self):
        found = []
        for proc in pathlib.Path("/proc").iterdir():
            if proc.name.isdigit():
                try:
                    if proc.stat().st_uid == self.uid:
                        found.append(int(proc.name))
                except OSError:
                    pass
        return found

    def cmdlines(self):
        found = []
        for pid in self.pids():
            try:
                found.append(f"{pid} " + pathlib.Path(f"/proc/{pid}/cmdline").read_bytes()
                             .replace(b"\0", b" ").decode(errors="replace")[:300])
            except OSError:
                pass
        return found

    def remove(self):
        """Kills what still runs as this user (by pid), then deletes the account and its home."""
        if self.uid is None:
            try:
                self.uid = pwd.getpwnam(self.name).pw_uid  # useradd ran, chpasswd failed
            except KeyError:
                return
        for _ in range(3):
            pids = self.pids()
            if not pids:
                break
            for pid in pids:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            time.sleep(0.5)
        subprocess.run(["userdel", "--remove", self.name], capture_output=True, timeout=30)
        # Every JVM the user ran left its perf-data folder; userdel does not know it.
        shutil.rmtree(f"/tmp/hsperfdata_{self.name}", ignore_errors=True)


def new_student_names(count):
    stem = "jh" + secrets.token_hex(3)
    return [f"{stem}s{i}" for i in range(count)]


class Hub:
    def __init__(self, jupyter_path, user_names):
        self.dir = pathlib.Path(tempfile.mkdtemp(prefix="jautograd-hub-"))
        self.admin_token = secrets.token_hex(32)
        self.public_port, self.hub_port, self.proxy_api_port = free_port(), free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.public_port}"
        self.log_path = self.dir / "jupyterhub.log"
        self.process = None
        (self.dir / "jupyterhub_config.py").write_text(CONFIG.format(
            public_port=self.public_port, hub_port=self.hub_port, proxy_api_port=self.proxy_api_port,
            proxy=PROXY, proxy_pid=str(self.dir / "proxy.pid"), db=str(self.dir / "jupyterhub.sqlite"),
            cookie=str(self.dir / "cookie_secret"), hub_pid=str(self.dir / "hub.pid"),
            users=list(user_names), environment={"JUPYTER_PATH": jupyter_path},
            admin_token=self.admin_token))

    def start(self, timeout=60):
        env = dict(os.environ, NODE_PATH=NODE_PATH)
        env.pop("JUPYTER_PATH", None)  # the spawner's environment says where the kernel is
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen([JUPYTERHUB, "-f", str(self.dir / "jupyterhub_config.py")],
                                            cwd=self.dir, env=env, stdout=log, stderr=subprocess.STDOUT,
                                            start_new_session=True)

        def up():
            if self.process.poll() is not None:
                raise RuntimeError(f"jupyterhub exited with {self.process.returncode}:\n{self.log()}")
            try:
                return self.api("GET", "/")[0] == 200
            except OSError:
                return False
        wait_until("jupyterhub answering on " + self.url, up, timeout)

    def api(self, method, path, token=None, body=None, timeout=30):
        return http(method, self.url + "/hub/api" + path, token or self.admin_token, body, timeout)

    def log(self, tail=6000):
        try:
            return self.log_path.read_text(errors="replace")[-tail:]
        except OSError:
            return ""

    def login(self, student):
        """The REST API's password login: a token for the student, made by the authenticator."""
        status, body = http("POST", f"{self.url}/hub/api/users/{student.name}/tokens", body={
            "auth": {"username": student.name, "password": student.password}, "note": "hub test"})
        if status != 201:
            raise AssertionError(f"login of {student.name}: HTTP {status} {body}\n{self.log()}")
        student.token = body["token"]

    def start_server(self, student, timeout=120):
        status, body = self.api("POST", f"/users/{student.name}/server")
        if status not in (201, 202):
            raise AssertionError(f"starting {student.name}'s server: HTTP {status} {body}\n{self.log()}")

        def ready():
            status, user = self.api("GET", f"/users/{student.name}")
            server = (user or {}).get("servers", {}).get("") if status == 200 else None
            if server is None and status == 200 and not user.get("pending"):
                raise AssertionError(f"{student.name}'s server stopped while starting:\n{self.log()}")
            return server and server.get("ready")
        wait_until(f"{student.name}'s server ready", ready, timeout)

    def stop_server(self, student, timeout=30):
        status, _ = self.api("DELETE", f"/users/{student.name}/server", timeout=timeout)
        return status

    def close(self, keep_log=None):
        """Stops the hub (which stops the servers and the proxy it started), then anything left;
        keeps a copy of the log (hub, proxy, servers and kernels all write to it) at keep_log."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        proxy_pid = self.dir / "proxy.pid"
        try:
            pid = int(proxy_pid.read_text().strip())
            # Still ours only if it still is the proxy (the hub normally stops it and its pid may be reused).
            if b"configurable-http-proxy" in pathlib.Path(f"/proc/{pid}/cmdline").read_bytes():
                os.kill(pid, signal.SIGKILL)
        except (OSError, ValueError):
            pass
        if keep_log and self.log_path.exists():
            shutil.copy(self.log_path, keep_log)
        shutil.rmtree(self.dir, ignore_errors=True)
