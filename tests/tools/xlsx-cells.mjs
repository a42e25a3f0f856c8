// Prints every non-empty cell of the first worksheet as exceljs reads it: "row<TAB>column<TAB>type<TAB>value", where
// type is exceljs' ValueType name (String, Number, Date, Formula, …). Usage: node xlsx-cells.mjs file.xlsx
import ExcelJS from "exceljs";

const workbook = new ExcelJS.Workbook();
await workbook.xlsx.readFile(process.argv[2]);
const sheet = workbook.worksheets[0];
const types = Object.fromEntries(Object.entries(ExcelJS.ValueType).map(([name, id]) => [id, name]));
sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
  row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
    let value = cell.value;
    if (value instanceof Date) value = value.toISOString().slice(0, 10);
    else if (value !== null && typeof value === "object") value = JSON.stringify(value);
    console.log(`${rowNumber}\t${columnNumber}\t${types[cell.type]}\t${String(value).replace(/[\t\n]/g, " ")}`);
  });
});
