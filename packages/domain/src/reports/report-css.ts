/** The HTML report's whole style sheet, inlined so the file stands alone (and prints well to PDF). */
export const REPORT_CSS = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1b1b1f;margin:0;line-height:1.45}
main{max-width:60rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.7rem}h5{font-size:1rem;margin:1rem 0 .3rem}h2{border-bottom:2px solid #ccc;padding-bottom:.2rem;margin-top:2rem}h3{margin-top:1.4rem}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em;background:#f2f2f4;padding:0 .2em;border-radius:3px}
blockquote{border-left:4px solid #888;margin:.6rem 0;padding:.2rem .8rem;background:#fafafa}
table{border-collapse:collapse;margin:.6rem 0;font-size:.92rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f2f2f4}.muted{color:#555}.cite{text-decoration:none}
.verdict.breach{color:#b3261e}.verdict.possible-breach{color:#8a5a00}.verdict.outside-scope{color:#0b57d0}.verdict.before-in-force{color:#555}
.finding{border-left:4px solid #ccc;padding-left:.8rem}.finding.breach{border-color:#b3261e}.finding.possible-breach{border-color:#e0a000}
figure{margin:1rem 0}figure svg{max-width:100%;height:auto}figcaption{font-size:.9rem;color:#555}
@media print{main{max-width:none;padding:0}section{break-inside:auto}.finding,figure,table{break-inside:avoid}}
`;
