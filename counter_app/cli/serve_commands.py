"""`counter-app serve`: the outlet service on uvicorn. Plain HTTP on a loopback address only;
anywhere else TLS, or it does not start."""

from __future__ import annotations

import ipaddress
import tomllib
from argparse import Namespace, _SubParsersAction
from pathlib import Path

from counter_app.cli.common import CommandFailed, open_database

DEFAULT_LISTEN = "127.0.0.1:8470"
CONFIG_KEYS = ("db", "listen", "rules", "tls_cert", "tls_key")


def register(commands: _SubParsersAction) -> None:
    serve = commands.add_parser("serve", help="run the outlet service for the counters")
    serve.add_argument("--listen", metavar="HOST:PORT", help=f"default {DEFAULT_LISTEN}")
    serve.add_argument("--tls-cert", type=Path, metavar="FILE", help="the service's certificate")
    serve.add_argument("--tls-key", type=Path, metavar="FILE", help="its private key")
    serve.add_argument(
        "--config", type=Path, metavar="FILE", help="TOML with db, listen, rules, tls_cert, tls_key"
    )
    serve.set_defaults(handler=run)


def settled(args: Namespace) -> Namespace:
    """The options, the configuration file filling in what the command line left out."""
    config: dict[str, object] = {}
    if args.config is not None:
        try:
            config = tomllib.loads(args.config.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as error:
            raise CommandFailed(f"cannot read {args.config}: {error}") from error
        unknown = set(config) - set(CONFIG_KEYS)
        if unknown:
            raise CommandFailed(f"{args.config}: unknown keys {', '.join(sorted(unknown))}")
    values = {key: getattr(args, key, None) or config.get(key) for key in CONFIG_KEYS}
    for key in ("rules", "tls_cert", "tls_key"):
        values[key] = Path(str(values[key])) if values[key] else None
    values["listen"] = values["listen"] or DEFAULT_LISTEN
    return Namespace(**{**vars(args), **values})


def address(listen: str) -> tuple[str, int]:
    host, _, port = listen.rpartition(":")
    if not host or not port.isdigit():
        raise CommandFailed(f"--listen takes HOST:PORT, not {listen!r}")
    return host.strip("[]"), int(port)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run(args: Namespace) -> int:
    args = settled(args)
    host, port = address(args.listen)
    tls = args.tls_cert is not None or args.tls_key is not None
    if tls and (args.tls_cert is None or args.tls_key is None):
        raise CommandFailed("TLS needs both --tls-cert and --tls-key")
    if not tls and not is_loopback(host):
        raise CommandFailed(
            f"{host} is not a loopback address: the counters' passwords and tokens would cross "
            "the network in clear; give --tls-cert and --tls-key (or listen on 127.0.0.1)"
        )
    # The service's layers only now: the other commands never load them.
    import uvicorn

    from counter_app.resources import load_rules
    from counter_app.server.app import create_app

    app = create_app(open_database(args), load_rules(args.rules))
    uvicorn.run(
        app,
        host=host,
        port=port,
        ssl_certfile=str(args.tls_cert) if tls else None,
        ssl_keyfile=str(args.tls_key) if tls else None,
        log_level="info",
    )
    return 0
