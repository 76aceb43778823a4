"""Argos Translate packages on disk, as the translation stage sees them.

The code lives in :mod:`nkcorpus.models.argos`, beside the other model
management (bundles, archive rules, downloads); every name is importable from
here too.

>>> from nkcorpus.translate.packages import argos_code
>>> argos_code("zh-Hant")
'zh'
"""

from __future__ import annotations

from nkcorpus.models import argos as _argos
from nkcorpus.models.argos import (
    ArgosPackage,
    argos_code,
    argos_packages_dir,
    check_package_folder,
    clear_argostranslate_caches,
    download_argos_pair,
    find_packages,
    install_argos_package,
    installed_pairs,
    place_package,
    uninstall_argos_pair,
)

__all__ = [
    "DEFAULT_PACKAGE_INDEX",
    "MAX_MEMBER_BYTES",
    "MAX_PACKAGE_BYTES",
    "ArgosPackage",
    "argos_code",
    "argos_packages_dir",
    "check_package_folder",
    "clear_argostranslate_caches",
    "download_argos_pair",
    "find_packages",
    "install_argos_package",
    "installed_pairs",
    "place_package",
    "uninstall_argos_pair",
]

#: The package index :func:`download_argos_pair` reads when ``ARGOS_PACKAGE_INDEX`` is unset.
DEFAULT_PACKAGE_INDEX = _argos.DEFAULT_PACKAGE_INDEX
#: The largest file a package may unpack to (:data:`nkcorpus.models.archive.MAX_MEMBER_BYTES`).
MAX_MEMBER_BYTES = _argos.MAX_MEMBER_BYTES
#: The largest total a package may unpack to (:data:`nkcorpus.models.archive.MAX_TOTAL_BYTES`).
MAX_PACKAGE_BYTES = _argos.MAX_PACKAGE_BYTES
