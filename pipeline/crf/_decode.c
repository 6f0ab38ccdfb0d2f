/* The loops of a first-order CRF, compiled: the emission sums of
 * pipeline/crf/__init__.py:CRFModel._emissions and the Viterbi decoding of
 * pipeline/crf/viterbi.py:viterbi, over every sentence of a document.
 *
 * The same float operations in the same order as underthesea_core's CRFTagger
 * and as the Python version: score[prev] + trans[prev][y] compared with a strict
 * '>' from -infinity (the first best wins ties), then + emission[y].  Only
 * additions and comparisons of doubles: no contraction or reassociation can
 * change a result, so the paths are identical to the Python ones (a test checks).
 *
 * decode(em, lens, trans) -> list of lists of label indices
 *   em:    C-contiguous float64 buffer, the emission rows of all sentences end to end
 *   lens:  sequence of sentence lengths (each >= 1)
 *   trans: C-contiguous float64 buffer [labels][labels], trans[prev][y]
 *
 * emissions(ids, where, tgroup, toffset, tstart, tables, weights, out)
 *   the emission rows of the tokens: out[n] = weights[row of template 0] +
 *   weights[row of template 1] + ..., added in template order (as numpy's
 *   em += rows, one template after the other), where template t's row for token n
 *   is tables[tstart[t] + ids[tgroup[t]][where[n] + toffset[t]]].
 *   ids: intp [groups][slots]; where: intp [tokens]; tgroup, toffset, tstart: intp
 *   [templates]; tables: intp (every template's table end to end); weights: float64
 *   [rows][labels]; out: writable float64 [tokens][labels].
 *
 * windows(tokens, k, table, out)
 *   every window of k tokens joined by a space (window j = tokens[j:j+k]) looked
 *   up in table: a dict (out: intp, the value, 0 where absent) or a set or
 *   frozenset (out: bool, whether it is in).  The slots whose window does not fit
 *   are left as they are.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>  /* INFINITY */
#include <string.h>

static int
get_buffer(PyObject *obj, Py_buffer *view, int ndim, const char *format, int writable, const char *what)
{
    int flags = PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | (writable ? PyBUF_WRITABLE : 0);
    if (PyObject_GetBuffer(obj, view, flags) < 0)
        return -1;
    int ok = view->ndim == ndim && view->format != NULL;
    if (ok && format[0] == 'd')
        ok = view->itemsize == sizeof(double) && strcmp(view->format, "d") == 0;
    else if (ok)   /* intp: 'l' or 'q' of the pointer's size */
        ok = view->itemsize == sizeof(Py_ssize_t) && (strcmp(view->format, "l") == 0 || strcmp(view->format, "q") == 0 || strcmp(view->format, "n") == 0);
    if (!ok) {
        PyErr_Format(PyExc_TypeError, "%s: a %d-dimensional %s buffer is needed", what, ndim,
                     format[0] == 'd' ? "float64" : "intp");
        PyBuffer_Release(view);
        return -1;
    }
    return 0;
}

static PyObject *
emissions(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *o[8];
    if (!PyArg_ParseTuple(args, "OOOOOOOO", &o[0], &o[1], &o[2], &o[3], &o[4], &o[5], &o[6], &o[7]))
        return NULL;
    static const int ndims[8] = {2, 1, 1, 1, 1, 1, 2, 2};
    static const char *formats[8] = {"n", "n", "n", "n", "n", "n", "d", "d"};
    static const char *names[8] = {"ids", "where", "tgroup", "toffset", "tstart", "tables", "weights", "out"};
    Py_buffer b[8];
    int got = 0;
    PyObject *result = NULL;
    for (; got < 8; got++)
        if (get_buffer(o[got], &b[got], ndims[got], formats[got], got == 7, names[got]) < 0)
            goto done;
    const Py_ssize_t *ids = b[0].buf, *where = b[1].buf, *tgroup = b[2].buf, *toffset = b[3].buf,
                     *tstart = b[4].buf, *tables = b[5].buf;
    const double *w = b[6].buf;
    double *out = b[7].buf;
    Py_ssize_t groups = b[0].shape[0], slots = b[0].shape[1], n_tok = b[1].shape[0], n_tpl = b[2].shape[0];
    Py_ssize_t n_tables = b[5].shape[0], n_rows = b[6].shape[0], L = b[6].shape[1];
    if (b[3].shape[0] != n_tpl || b[4].shape[0] != n_tpl || b[7].shape[0] != n_tok || b[7].shape[1] != L || n_tpl < 1) {
        PyErr_SetString(PyExc_ValueError, "emissions: inconsistent shapes");
        goto done;
    }
    for (Py_ssize_t t = 0; t < n_tpl; t++) {
        if (tgroup[t] < 0 || tgroup[t] >= groups || tstart[t] < 0 || tstart[t] >= n_tables) {
            PyErr_SetString(PyExc_ValueError, "emissions: a template points outside the groups or tables");
            goto done;
        }
    }
    for (Py_ssize_t n = 0; n < n_tok; n++) {
        double *row = out + n * L;
        for (Py_ssize_t t = 0; t < n_tpl; t++) {
            Py_ssize_t slot = where[n] + toffset[t];
            if (slot < 0 || slot >= slots) {
                PyErr_SetString(PyExc_ValueError, "emissions: a window outside the slots");
                goto done;
            }
            Py_ssize_t k = tstart[t] + ids[tgroup[t] * slots + slot];
            if (k < 0 || k >= n_tables || tables[k] < 0 || tables[k] >= n_rows) {
                PyErr_SetString(PyExc_ValueError, "emissions: a value outside its table");
                goto done;
            }
            const double *src = w + tables[k] * L;
            if (t == 0)
                for (Py_ssize_t y = 0; y < L; y++)
                    row[y] = src[y];
            else
                for (Py_ssize_t y = 0; y < L; y++)
                    row[y] += src[y];
        }
    }
    Py_INCREF(Py_None);
    result = Py_None;
done:
    for (int i = 0; i < got; i++)
        PyBuffer_Release(&b[i]);
    return result;
}

/* tokens[j] + " " + ... + tokens[j+k-1], one new string */
static PyObject *
join_window(PyObject *tokens, Py_ssize_t j, Py_ssize_t k)
{
    if (k == 1) {
        PyObject *one = PyList_GET_ITEM(tokens, j);
        Py_INCREF(one);
        return one;
    }
    Py_ssize_t len = k - 1;
    Py_UCS4 maxc = ' ';
    for (Py_ssize_t i = j; i < j + k; i++) {
        PyObject *it = PyList_GET_ITEM(tokens, i);
        len += PyUnicode_GET_LENGTH(it);
        if (PyUnicode_MAX_CHAR_VALUE(it) > maxc)
            maxc = PyUnicode_MAX_CHAR_VALUE(it);
    }
    PyObject *joined = PyUnicode_New(len, maxc);
    if (joined == NULL)
        return NULL;
    Py_ssize_t pos = 0;
    for (Py_ssize_t i = j; i < j + k; i++) {
        PyObject *it = PyList_GET_ITEM(tokens, i);
        Py_ssize_t n = PyUnicode_GET_LENGTH(it);
        if (n && PyUnicode_CopyCharacters(joined, pos, it, 0, n) < 0) {
            Py_DECREF(joined);
            return NULL;
        }
        pos += n;
        if (i < j + k - 1 && PyUnicode_WriteChar(joined, pos++, ' ') < 0) {
            Py_DECREF(joined);
            return NULL;
        }
    }
    return joined;
}

static PyObject *
windows(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *tokens, *table, *out_obj;
    Py_ssize_t k;
    if (!PyArg_ParseTuple(args, "O!nOO", &PyList_Type, &tokens, &k, &table, &out_obj))
        return NULL;
    int is_dict = PyDict_CheckExact(table);
    if (!is_dict && !PyAnySet_Check(table)) {
        PyErr_SetString(PyExc_TypeError, "windows: the table must be a dict, a set or a frozenset");
        return NULL;
    }
    if (k < 1) {
        PyErr_SetString(PyExc_ValueError, "windows: k must be at least 1");
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(tokens);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!PyUnicode_Check(PyList_GET_ITEM(tokens, i))) {
            PyErr_SetString(PyExc_TypeError, "windows: the tokens must be strings");
            return NULL;
        }
    }
    Py_buffer out;
    if (is_dict ? get_buffer(out_obj, &out, 1, "n", 1, "out") < 0
                : PyObject_GetBuffer(out_obj, &out, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | PyBUF_WRITABLE) < 0)
        return NULL;
    if ((!is_dict && (out.ndim != 1 || out.itemsize != 1 || out.format == NULL || strcmp(out.format, "?") != 0))
        || out.shape[0] < n) {
        PyErr_SetString(PyExc_ValueError, "windows: out must be one slot a token (intp for a dict, bool for a set)");
        PyBuffer_Release(&out);
        return NULL;
    }
    PyObject *result = NULL;
    for (Py_ssize_t j = 0; j + k <= n; j++) {
        PyObject *key = join_window(tokens, j, k);
        if (key == NULL)
            goto done;
        if (is_dict) {
            PyObject *v = PyDict_GetItemWithError(table, key);
            Py_DECREF(key);
            Py_ssize_t id = 0;
            if (v == NULL) {
                if (PyErr_Occurred())
                    goto done;
            }
            else {
                id = PyLong_AsSsize_t(v);
                if (id == -1 && PyErr_Occurred())
                    goto done;
            }
            ((Py_ssize_t *)out.buf)[j] = id;
        }
        else {
            int in = PySet_Contains(table, key);
            Py_DECREF(key);
            if (in < 0)
                goto done;
            ((char *)out.buf)[j] = (char)in;
        }
    }
    Py_INCREF(Py_None);
    result = Py_None;
done:
    PyBuffer_Release(&out);
    return result;
}

static int
get_doubles(PyObject *obj, Py_buffer *view, const char *what)
{
    if (PyObject_GetBuffer(obj, view, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT) < 0)
        return -1;
    if (view->itemsize != sizeof(double) || view->format == NULL || strcmp(view->format, "d") != 0) {
        PyErr_Format(PyExc_TypeError, "%s: a float64 buffer is needed", what);
        PyBuffer_Release(view);
        return -1;
    }
    return 0;
}

/* One sentence of n rows: the path into out[0..n). */
static void
decode_one(const double *em, Py_ssize_t n, const double *trans, Py_ssize_t L,
           double *score, double *next, int *back, int *out)
{
    for (Py_ssize_t y = 0; y < L; y++)
        score[y] = em[y];
    for (Py_ssize_t t = 1; t < n; t++) {
        const double *e = em + t * L;
        int *bp = back + t * L;
        for (Py_ssize_t y = 0; y < L; y++) {
            double best = -INFINITY;
            int arg = 0;
            for (Py_ssize_t p = 0; p < L; p++) {
                double s = score[p] + trans[p * L + y];
                if (s > best) {
                    best = s;
                    arg = (int)p;
                }
            }
            next[y] = best + e[y];
            bp[y] = arg;
        }
        memcpy(score, next, (size_t)L * sizeof(double));
    }
    double best = -INFINITY;
    int last = 0;
    for (Py_ssize_t y = 0; y < L; y++) {
        if (score[y] > best) {
            best = score[y];
            last = (int)y;
        }
    }
    out[n - 1] = last;
    for (Py_ssize_t t = n - 1; t > 0; t--) {
        last = back[t * L + last];
        out[t - 1] = last;
    }
}

static PyObject *
decode(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *em_obj, *lens_obj, *trans_obj;
    if (!PyArg_ParseTuple(args, "OOO", &em_obj, &lens_obj, &trans_obj))
        return NULL;
    Py_buffer em, tr;
    if (get_doubles(em_obj, &em, "emissions") < 0)
        return NULL;
    if (get_doubles(trans_obj, &tr, "transitions") < 0) {
        PyBuffer_Release(&em);
        return NULL;
    }
    PyObject *result = NULL, *lens = NULL;
    double *score = NULL, *next = NULL;
    int *back = NULL, *path = NULL;
    if (tr.ndim != 2 || tr.shape[0] != tr.shape[1] || tr.shape[0] < 1 || em.ndim != 2 || em.shape[1] != tr.shape[0]) {
        PyErr_SetString(PyExc_ValueError, "transitions must be square and emissions rows of as many labels");
        goto done;
    }
    Py_ssize_t L = tr.shape[0], rows = em.shape[0];
    lens = PySequence_Fast(lens_obj, "lens must be a sequence");
    if (lens == NULL)
        goto done;
    Py_ssize_t k = PySequence_Fast_GET_SIZE(lens), total = 0, longest = 0;
    for (Py_ssize_t i = 0; i < k; i++) {
        Py_ssize_t n = PyLong_AsSsize_t(PySequence_Fast_GET_ITEM(lens, i));
        if (n == -1 && PyErr_Occurred())
            goto done;
        if (n < 1) {
            PyErr_SetString(PyExc_ValueError, "every sentence needs a row");
            goto done;
        }
        total += n;
        if (n > longest)
            longest = n;
    }
    if (total != rows) {
        PyErr_SetString(PyExc_ValueError, "the lengths do not add up to the emission rows");
        goto done;
    }
    score = PyMem_Malloc((size_t)L * sizeof(double));
    next = PyMem_Malloc((size_t)L * sizeof(double));
    back = PyMem_Malloc((size_t)(longest * L) * sizeof(int));
    path = PyMem_Malloc((size_t)longest * sizeof(int));
    if (!score || !next || !back || !path) {
        PyErr_NoMemory();
        goto done;
    }
    result = PyList_New(k);
    if (result == NULL)
        goto done;
    const double *rowp = (const double *)em.buf;
    for (Py_ssize_t i = 0; i < k; i++) {
        Py_ssize_t n = PyLong_AsSsize_t(PySequence_Fast_GET_ITEM(lens, i));
        decode_one(rowp, n, (const double *)tr.buf, L, score, next, back, path);
        rowp += n * L;
        PyObject *labels = PyList_New(n);
        if (labels == NULL) {
            Py_CLEAR(result);
            goto done;
        }
        for (Py_ssize_t t = 0; t < n; t++) {
            PyObject *v = PyLong_FromLong(path[t]);
            if (v == NULL) {
                Py_DECREF(labels);
                Py_CLEAR(result);
                goto done;
            }
            PyList_SET_ITEM(labels, t, v);
        }
        PyList_SET_ITEM(result, i, labels);
    }
done:
    PyMem_Free(score);
    PyMem_Free(next);
    PyMem_Free(back);
    PyMem_Free(path);
    Py_XDECREF(lens);
    PyBuffer_Release(&em);
    PyBuffer_Release(&tr);
    return result;
}

static PyMethodDef methods[] = {
    {"decode", decode, METH_VARARGS,
     "decode(em, lens, trans) -> the Viterbi path (label indices) of each sentence"},
    {"windows", windows, METH_VARARGS,
     "windows(tokens, k, table, out): each window of k tokens, joined by a space, looked up in table"},
    {"emissions", emissions, METH_VARARGS,
     "emissions(ids, where, tgroup, toffset, tstart, tables, weights, out): the emission rows, into out"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_decode", "The loops of a first-order CRF, compiled.", -1, methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit__decode(void)
{
    return PyModule_Create(&module);
}
