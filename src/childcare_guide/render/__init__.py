"""Render layer: pages (Markdown), the deck plan and its .pptx writer, the .docx worksheets."""
