"""Kinderopvang voor iedereen: the content model, its checks, and the pages and decks made from it.

Plain Python without MkDocs, so tests and scripts use it directly; hooks/ adapts it to MkDocs.
"""

from childcare_guide.content.errors import ContentError, ContentProblem
from childcare_guide.content.loader import load_package
from childcare_guide.content.model import Module, Package

__all__ = ["ContentError", "ContentProblem", "Module", "Package", "load_package"]
