"""Getting data in: the Excel template and its import, and figures extracted from report text.

- :mod:`.headers`: the one table of header and label variants (一孩 / 1孩 / births_parity1 ...)
  and the Traditional -> Simplified character map, shared by both ways in;
- :mod:`.excel`: :func:`~.excel.write_template`, :func:`~.excel.import_workbook` and
  :func:`~.excel.save_rows` (validated, atomic writes of ``townships.csv``);
- :mod:`.extract`: :func:`~.extract.extract_figures`, figures from the text of a work report,
  with provenance and the data-quality audit (also public as ``analysis.extract``);
- :mod:`.commands`: the ``template``, ``import`` and ``extract`` subcommands.
"""
