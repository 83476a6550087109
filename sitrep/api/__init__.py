"""The REST API and the dashboard, served by `sitrep serve`."""

from sitrep.api.app import create_app

__all__ = ["create_app"]
