"""Languages: Vietnamese is the source language of every string in the program;
English comes from resources/translations/hoso_en.qm, and Qt's own dialogs get
Vietnamese from qt_vi.qm (Qt ships no Vietnamese). The .ts sources are compiled with
pyside6-lrelease (tests/ui/test_translations.py checks the .qm files are current)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desktop.storage.resource_files import resources_dir

LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}


def translations_dir() -> Path:
    return resources_dir() / "translations"


def install(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Load the translators for `lang`; returns them (keep them alive)."""
    for old in getattr(app, "_hoso_translators", []):
        app.removeTranslator(old)
    files = ["hoso_en.qm"] if lang == "en" else ["qt_vi.qm"]
    loaded = []
    for name in files:
        translator = QTranslator(app)
        if translator.load(str(translations_dir() / name)):
            app.installTranslator(translator)
            loaded.append(translator)
    app._hoso_translators = loaded
    QLocale.setDefault(QLocale(QLocale.Language.English if lang == "en" else QLocale.Language.Vietnamese))
    return loaded


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)
