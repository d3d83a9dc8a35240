export const id = 975;
export const ids = [975];
export const modules = {

/***/ 2975:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   placeResults: () => (/* binding */ placeResults),
/* harmony export */   writePrViewer: () => (/* binding */ writePrViewer)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _report_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2375);
/* harmony import */ var _run_results_io_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6825);
/**
 * A PR run's results files and viewer. `runPr` with an `outDir` writes the results files
 * itself and returns slim results (no trace text); these write what the caller still needs
 * from those files, never from the slim results.
 */




/** Puts both sides' results files at `to`: copied from where runPr wrote them, or written. */
async function placeResults(outcome, to) {
    for (const side of ['base', 'head']) {
        const from = outcome.files?.[side];
        if (!from)
            await (0,_run_results_io_js__WEBPACK_IMPORTED_MODULE_3__/* .writeJson */ .GF)(to[side], outcome[side]);
        else if ((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(from) !== (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(to[side]))
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.copyFile)(from, to[side]);
    }
}
/**
 * The viewer of a PR run. With results files, each side is read from its file line by line
 * (fileSide), block by block: never both sides' traces in memory at once.
 */
async function writePrViewer(path, outcome, files = outcome.files) {
    if (!files) {
        await (0,_report_index_js__WEBPACK_IMPORTED_MODULE_2__/* .writeViewer */ .wA)(path, outcome.comparison, outcome.base, outcome.head);
        return;
    }
    await (0,_report_index_js__WEBPACK_IMPORTED_MODULE_2__/* .writeViewerStream */ .M6)(path, outcome.comparison, {
        base: (0,_report_index_js__WEBPACK_IMPORTED_MODULE_2__/* .fileSide */ .a0)(files.base),
        head: (0,_report_index_js__WEBPACK_IMPORTED_MODULE_2__/* .fileSide */ .a0)(files.head),
    });
}


/***/ })

};
