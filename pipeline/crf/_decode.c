/* Viterbi decoding of a first-order CRF, compiled: the loops of
 * pipeline/crf/viterbi.py:viterbi in C, over every sentence of a document.
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
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>  /* INFINITY */
#include <string.h>

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
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_decode", "Viterbi decoding of a first-order CRF, compiled.", -1, methods,
};

PyMODINIT_FUNC
PyInit__decode(void)
{
    return PyModule_Create(&module);
}
